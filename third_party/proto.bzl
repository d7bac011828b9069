"""Protocol buffers through the system protoc, without the protobuf repository.

Bazel's native proto_library needs protobuf's source repository, which cannot
be downloaded here; a genrule running /usr/bin/protoc does the same job for C++.
"""

def cc_proto(name, srcs, deps = [], grpc = False, visibility = None):
    """Generates C++ (and optionally gRPC) code for `srcs` into a cc_library.

    Args:
      name: the cc_library's name.
      srcs: .proto files in this package.
      deps: other cc_proto targets the protos import.
      grpc: also generate gRPC service stubs.
      visibility: of the cc_library.
    """
    bases = [s[:-len(".proto")] for s in srcs]
    outs = []
    for b in bases:
        outs += [b + ".pb.h", b + ".pb.cc"]
        if grpc:
            outs += [b + ".grpc.pb.h", b + ".grpc.pb.cc"]
    cmd = "/usr/bin/protoc -I. --cpp_out=$(GENDIR)"
    if grpc:
        cmd += " --grpc_out=$(GENDIR) --plugin=protoc-gen-grpc=/usr/bin/grpc_cpp_plugin"
    cmd += " " + " ".join(["$(location %s)" % s for s in srcs])
    native.genrule(
        name = name + "_gen",
        srcs = srcs + [d + "_srcs" for d in deps],
        outs = outs,
        cmd = cmd,
    )
    native.filegroup(
        name = name + "_srcs",
        srcs = srcs,
        visibility = visibility,
    )
    native.cc_library(
        name = name,
        srcs = [o for o in outs if o.endswith(".cc")],
        hdrs = [o for o in outs if o.endswith(".h")],
        deps = deps + ["//third_party:protobuf"] + (["//third_party:grpc"] if grpc else []),
        visibility = visibility,
    )

// claims/fields.h against the schema: for every path from Claim to a
// TimeRef, Amount or DateSpec field (found through the descriptors, so a
// field added to the proto is covered), a claim with only that path set is
// visited exactly once by the matching walk.
#include "claims/fields.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {
namespace {

using claimcheck::v1::Amount;
using claimcheck::v1::Claim;
using claimcheck::v1::DateSpec;
using claimcheck::v1::TimeRef;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Every path (a list of message fields from Claim) that ends at a field of
// type `target`; repeated fields are taken at index 0.
void Paths(const Descriptor* d, const Descriptor* target,
           std::vector<const FieldDescriptor*>& prefix,
           std::vector<std::vector<const FieldDescriptor*>>& out) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    prefix.push_back(f);
    if (f->message_type() == target) {
      out.push_back(prefix);
    } else if (prefix.size() < 6) {  // the schema is not recursive this deep
      Paths(f->message_type(), target, prefix, out);
    }
    prefix.pop_back();
  }
}

std::string Name(const std::vector<const FieldDescriptor*>& path) {
  std::string name = "claim";
  for (const FieldDescriptor* f : path) absl::StrAppend(&name, ".", f->name());
  return name;
}

// A claim with only `path` set, the message at its end returned.
Message* SetPath(Claim& claim, const std::vector<const FieldDescriptor*>& path) {
  Message* m = &claim;
  for (const FieldDescriptor* f : path) {
    m = f->is_repeated() ? m->GetReflection()->AddMessage(m, f)
                         : m->GetReflection()->MutableMessage(m, f);
  }
  return m;
}

template <typename T, typename Walk>
void ExpectEveryPathVisited(Walk walk, int* paths_found) {
  std::vector<std::vector<const FieldDescriptor*>> paths;
  std::vector<const FieldDescriptor*> prefix;
  Paths(Claim::descriptor(), T::descriptor(), prefix, paths);
  *paths_found = static_cast<int>(paths.size());
  for (const auto& path : paths) {
    Claim claim;
    const Message* end = SetPath(claim, path);
    int visits = 0;
    walk(claim, [&](const T& visited) {
      ++visits;
      EXPECT_EQ(&visited, end) << Name(path) << ": another " << T::descriptor()->name();
    });
    EXPECT_EQ(visits, 1) << Name(path);
  }
}

TEST(FieldsTest, EveryTimeRefIsVisited) {
  int paths = 0;
  ExpectEveryPathVisited<TimeRef>(
      [](const Claim& c, auto f) { ForEachTimeRef(c, f); }, &paths);
  // date.subject, date.before.reference, date.after.reference,
  // date.in_period.anchor, gap.from, gap.to, ordinal.anchor, existence.by.
  EXPECT_EQ(paths, 8);
}

TEST(FieldsTest, EveryAmountIsVisited) {
  int paths = 0;
  ExpectEveryPathVisited<Amount>(
      [](const Claim& c, auto f) { ForEachAmount(c, f); }, &paths);
  EXPECT_GE(paths, 6);
}

TEST(FieldsTest, EveryDateSpecIsVisited) {
  int paths = 0;
  ExpectEveryPathVisited<DateSpec>(
      [](const Claim& c, auto f) { ForEachDateSpec(c, f); }, &paths);
  EXPECT_GE(paths, 12);
}

TEST(FieldsTest, UnsetFieldsAreNotVisited) {
  Claim claim;
  claim.mutable_date();  // a kind with nothing set
  int visits = 0;
  ForEachTimeRef(claim, [&](const TimeRef&) { ++visits; });
  ForEachAmount(claim, [&](const Amount&) { ++visits; });
  ForEachDateSpec(claim, [&](const DateSpec&) { ++visits; });
  EXPECT_EQ(visits, 0);
}

}  // namespace
}  // namespace claimcheck

// One encoder per claim kind. Each turns a validated claim into a Z3 formula
// (asserted under the claim's own assumption literal), a sentence saying what
// the claim forces, and the direct bounds it puts on single subjects, which
// explanations compare.
#ifndef CLAIMCHECK_SOLVER_ENCODERS_ENCODER_H_
#define CLAIMCHECK_SOLVER_ENCODERS_ENCODER_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "claims/amount.h"
#include "proto/claimcheck.pb.h"
#include "solver/encoding.h"
#include "z3++.h"

namespace claimcheck {

// A bound a claim puts directly on one subject: the days an event (or a
// publication) must lie within, or the values a measure may take.
struct DirectBound {
  std::string subject;  // "event:<id>", "published:<id>", "measure:<id>"
  std::string subject_name;
  std::string text;  // "within 11-13 May 2011", "[1,050, 1,150] km"
  // For days: the interval (open ends are the int64 limits).
  int64_t first_day = std::numeric_limits<int64_t>::min();
  int64_t last_day = std::numeric_limits<int64_t>::max();
  // For measures: the value interval.
  std::optional<ValueInterval> value;
};

// "lhs <= rhs" between two measures, for explanations ("a part over
// 1965-1971 cannot exceed the whole over 1947-1991").
struct MeasureOrder {
  std::string lhs;  // measure ids
  std::string rhs;
  std::string why;
};

struct Encoded {
  z3::expr constraint;
  std::string forces;
  std::vector<DirectBound> bounds;
  std::vector<MeasureOrder> orders;
  // Definitions of the calendar projections the constraint uses. They only
  // fix fresh variables (every day has one year), so they are asserted
  // unguarded, and only in checks that include this claim.
  std::vector<z3::expr> definitions = {};
};

// Every claim kind has an encoder; nullopt only for a claim with no kind
// (which validation rejects).
std::optional<Encoded> EncodeClaim(const claimcheck::v1::Claim& claim,
                                   Encoding& encoding);

Encoded EncodeDate(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeGap(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeQuantity(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeAggregate(const claimcheck::v1::Claim& claim,
                        Encoding& encoding);
Encoded EncodeFirstSince(const claimcheck::v1::Claim& claim,
                         Encoding& encoding);
Encoded EncodeOrdinal(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeChange(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeShare(const claimcheck::v1::Claim& claim, Encoding& encoding);
Encoded EncodeExistence(const claimcheck::v1::Claim& claim,
                        Encoding& encoding);
Encoded EncodeReferenceFact(const claimcheck::v1::Claim& claim,
                            Encoding& encoding);

// Tense binding and occurrence (SEMANTICS.md, "Time"; claimcheck.proto,
// Event): a reported fact's events occur and end on or before its source's
// publication; a planned subject starts after it; a cancelled subject does
// not occur. Conjoins the binding to `encoded` and adds its bounds.
void BindTense(const claimcheck::v1::Claim& claim, Encoding& encoding,
               Encoded& encoded);

// `to` comes after `from` by an amount in `interval` of `unit` (days, months
// or years), measured from some day of `from` to some day of `to`. Shared by
// gap claims and dates with offsets.
z3::expr GapConstraint(Encoding& encoding, const Span& from, const Span& to,
                       const ValueInterval& interval, UnitKind unit);

// The integer interval [lo, hi] within a value interval; nullopt ends are
// unbounded. Sets *empty when no integer fits.
struct IntRange {
  std::optional<int64_t> lo;
  std::optional<int64_t> hi;
  bool empty = false;
};
IntRange IntegersWithin(const ValueInterval& interval);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_ENCODERS_ENCODER_H_

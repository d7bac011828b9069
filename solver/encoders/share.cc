// Share and rank claims: "the world's second largest arms exporter with a 24
// per cent share of the trade, surpassed only by the US, which controls
// almost 30 per cent". Open world: unknown entities may hold the rest.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::ShareClaim;

Encoded EncodeShare(const Claim& claim, Encoding& encoding) {
  const ShareClaim& c = claim.share();
  z3::context& ctx = encoding.ctx();
  const z3::expr share = encoding.Share(c.market(), c.entity());
  z3::expr_vector parts(ctx), all(ctx);
  const std::vector<std::string>& entities = encoding.EntitiesOfMarket(c.market());
  for (const std::string& e : entities) all.push_back(encoding.Share(c.market(), e));
  // The known shares of a market fit in it (part of every share claim, so
  // that all claims on one market are checked together).
  parts.push_back(z3::sum(all) <= 100);
  std::vector<std::string> said;
  Encoded out{ctx.bool_val(true), "", {}, {}};
  if (c.has_share()) {
    const ValueInterval interval =
        *AmountInterval(c.share(), encoding.amount_settings());
    if (interval.lo.has_value()) {
      const z3::expr lo = encoding.Real(interval.lo->value);
      parts.push_back(interval.lo->open ? share > lo : share >= lo);
    }
    if (interval.hi.has_value()) {
      const z3::expr hi = encoding.Real(interval.hi->value);
      parts.push_back(interval.hi->open ? share < hi : share <= hi);
    }
    said.push_back(absl::StrCat(DescribeAmount(c.share()), " = ",
                                FormatInterval(interval, "percent")));
    DirectBound b{absl::StrCat("share:", c.market(), "!", c.entity()),
                  absl::StrCat(c.entity(), "'s share of ", c.market()),
                  said.back()};
    b.value = interval;
    out.bounds.push_back(b);
  }
  if (c.rank() > 0) {
    for (const std::string& above : c.ranked_above()) {
      parts.push_back(encoding.Share(c.market(), above) > share);
    }
    z3::expr_vector larger(ctx);
    for (const std::string& e : entities) {
      if (e == c.entity()) continue;
      larger.push_back(z3::ite(encoding.Share(c.market(), e) > share,
                               ctx.int_val(1), ctx.int_val(0)));
    }
    if (!larger.empty()) parts.push_back(z3::sum(larger) <= c.rank() - 1);
    said.push_back(absl::StrCat(
        "rank ", c.rank(),
        c.ranked_above().empty()
            ? ""
            : absl::StrCat(", below ", absl::StrJoin(c.ranked_above(), ", "))));
  }
  out.constraint = z3::mk_and(parts);
  out.forces = absl::StrCat(c.entity(), "'s share of ", c.market(), ": ",
                            absl::StrJoin(said, "; "));
  return out;
}

}  // namespace claimcheck

#include "claims/validate.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "claims/amount.h"
#include "claims/calendar.h"
#include "claims/parallel.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Claims are validated in blocks of this many, on up to options.threads
// threads; each block's issues are kept apart and joined in input order, so
// the issues do not depend on the thread count.
constexpr int kClaimsPerBlock = 1024;

class Validator {
 public:
  explicit Validator(const CheckRequest& request)
      : set_(request.claims()), options_(request.options()), defs_(this) {}

  std::vector<Issue> Run() {
    ValidateOptions();
    source_ids_.reserve(set_.sources_size());
    event_ids_.reserve(set_.events_size());
    measure_ids_.reserve(set_.measures_size());
    measures_.reserve(set_.measures_size());
    for (int i = 0; i < set_.sources_size(); ++i) ValidateSource(set_.sources(i));
    for (int i = 0; i < set_.events_size(); ++i) ValidateEvent(set_.events(i));
    for (int i = 0; i < set_.measures_size(); ++i) {
      ValidateMeasure(set_.measures(i));
    }
    ValidateClaims();
    if (options_.limits().diagnosis_ms() < 0) {
      Error("", "options.limits.diagnosis_ms", "is negative");
    }
    for (Issue& issue : ValidateWholeSet(
             options_, set_.claims_size(), [&](const std::string& id) {
               return event_ids_.contains(id) || measure_ids_.contains(id);
             })) {
      issues_.push_back(std::move(issue));
    }
    return std::move(issues_);
  }

 private:
  // A validator of claims only, for one block: it reads `defs`'s sources,
  // events and measures (validated before) and reports into its own list.
  explicit Validator(const Validator* defs)
      : set_(defs->set_), options_(defs->options_), defs_(defs) {}

  // Duplicate ids first (one pass, in input order), then every claim's own
  // checks, block by block on the threads.
  void ValidateClaims() {
    const int n = set_.claims_size();
    // For each claim whose id an earlier claim has, that claim's index.
    std::vector<int> first_with_id(n, -1);
    {
      // Keys view the request's own strings, which outlive the validator.
      absl::flat_hash_map<absl::string_view, int> claim_ids;
      claim_ids.reserve(n);
      for (int i = 0; i < n; ++i) {
        const std::string& id = set_.claims(i).id();
        if (id.empty() || id.size() > kMaxIdBytes) continue;
        if (auto [it, added] = claim_ids.emplace(id, i); !added) {
          first_with_id[i] = it->second;
        }
      }
    }
    const int blocks = (n + kClaimsPerBlock - 1) / kClaimsPerBlock;
    std::vector<std::vector<Issue>> found(blocks);
    const int threads =
        options_.threads() > 0 && options_.threads() <= kMaxThreads
            ? options_.threads()
            : DefaultThreads();
    ParallelFor(blocks, threads, [&](int b) {
      Validator block(this);
      const int end = std::min(n, (b + 1) * kClaimsPerBlock);
      for (int i = b * kClaimsPerBlock; i < end; ++i) {
        block.ValidateClaimAt(i, first_with_id[i]);
      }
      found[b] = std::move(block.issues_);
    });
    for (std::vector<Issue>& issues : found) {
      for (Issue& issue : issues) issues_.push_back(std::move(issue));
    }
  }

  // Claim i, whose id claim `first_with_id` has too (-1: none before it).
  void ValidateClaimAt(int i, int first_with_id) {
    const Claim& claim = set_.claims(i);
    const std::string id =
        claim.id().empty() ? absl::StrCat("#", i + 1) : claim.id();
    if (IdTooLong("claim", claim.id())) return;
    if (claim.id().empty()) {
      Error(id, "id", "claim has no id (it is the claim numbered here)");
    } else if (first_with_id >= 0) {
      Error(id, "id",
            absl::StrCat("duplicate claim id: claim #", i + 1,
                         " has the id of claim #", first_with_id + 1));
    }
    ValidateClaim(id, claim);
  }

  void Error(absl::string_view id, absl::string_view field,
             absl::string_view message) {
    Issue& issue = issues_.emplace_back();
    issue.set_severity(SEVERITY_ERROR);
    issue.set_claim_id(std::string(id));
    issue.set_field(std::string(field));
    issue.set_message(std::string(message));
  }

  void ValidateOptions() {
    const Tolerances& t = options_.tolerances();
    if (t.has_about() && !(t.about() >= 0 && t.about() < 1)) {
      Error("", "options.tolerances.about", "must be in [0, 1)");
    }
    if (t.has_nearly() && !(t.nearly() >= 0 && t.nearly() < 1)) {
      Error("", "options.tolerances.nearly", "must be in [0, 1)");
    }
    const Limits& l = options_.limits();
    if (l.timeout_ms() < 0) Error("", "options.limits.timeout_ms", "is negative");
    if (l.rlimit() < 0) Error("", "options.limits.rlimit", "is negative");
    if (l.max_claims() < 0) Error("", "options.limits.max_claims", "is negative");
    if (l.max_conflicts() < 0) {
      Error("", "options.limits.max_conflicts", "is negative");
    }
    if (options_.threads() < 0 || options_.threads() > kMaxThreads) {
      Error("", "options.threads",
            absl::StrCat("must be in [0, ", kMaxThreads, "] (0: the machine's cores)"));
    }
  }

  // Reports an id over kMaxIdBytes (under its first bytes); true if so.
  bool IdTooLong(absl::string_view what, const std::string& id) {
    if (id.size() <= kMaxIdBytes) return false;
    Error(absl::StrCat(id.substr(0, 32), "..."), absl::StrCat(what, ".id"),
          absl::StrCat(what, " id of ", id.size(), " bytes exceeds the limit of ",
                       kMaxIdBytes));
    return true;
  }

  void CheckId(absl::string_view what, const std::string& id,
               absl::flat_hash_set<absl::string_view>* seen) {
    if (IdTooLong(what, id)) return;
    if (id.empty()) {
      Error(id, absl::StrCat(what, ".id"), absl::StrCat(what, " has no id"));
    } else if (!seen->insert(id).second) {
      Error(id, absl::StrCat(what, ".id"), absl::StrCat("duplicate ", what, " id"));
    }
  }

  // Returns the interval or reports the problem under `field`.
  std::optional<DayInterval> CheckDateSpec(absl::string_view id,
                                           absl::string_view field,
                                           const DateSpec& spec) {
    absl::StatusOr<DayInterval> interval = DateSpecInterval(spec);
    if (!interval.ok()) {
      Error(id, field, interval.status().message());
      return std::nullopt;
    }
    return *interval;
  }

  void ValidateSource(const Source& source) {
    CheckId("source", source.id(), &source_ids_);
    const std::string& id = source.id();
    std::optional<DayInterval> retrieved;
    if (!source.has_retrieved()) {
      Error(id, "source.retrieved", "source has no retrieved date (always required)");
    } else if (source.retrieved().day() == 0) {
      Error(id, "source.retrieved", "retrieved must be a single day");
    } else {
      absl::StatusOr<DayInterval> r = CalendarDateInterval(source.retrieved());
      if (!r.ok()) {
        Error(id, "source.retrieved", r.status().message());
      } else {
        retrieved = *r;
      }
    }
    if (source.has_published()) {
      std::optional<DayInterval> published =
          CheckDateSpec(id, "source.published", source.published());
      if (published && retrieved && published->first > retrieved->last) {
        Error(id, "source.published",
              absl::StrCat("published ", FormatDayInterval(*published),
                           " is after retrieved ",
                           FormatDayInterval(*retrieved)));
      }
    }
    if (source.has_reliability()) {
      const double r = source.reliability();
      if (!std::isfinite(r) || r <= 0 || r > 1) {
        Error(id, "source.reliability",
              absl::StrCat("reliability ", r, " is outside (0, 1]"));
      }
    }
  }

  void ValidateEvent(const Event& event) {
    CheckId("event", event.id(), &event_ids_);
    for (int i = 0; i < event.classes_size(); ++i) {
      if (event.classes(i).empty()) {
        Error(event.id(), absl::StrCat("event.classes[", i, "]"), "empty class name");
      }
    }
  }

  void ValidateMeasure(const Measure& measure) {
    CheckId("measure", measure.id(), &measure_ids_);
    const std::string& id = measure.id();
    if (measure.dimension() == DIMENSION_UNSPECIFIED) {
      Error(id, "measure.dimension", "measure has no dimension");
    }
    if (measure.dimension() == DIMENSION_MONEY &&
        LookupUnit(measure.currency()).kind != UnitKind::kMoney) {
      Error(id, "measure.currency",
            absl::StrCat("money needs an ISO currency code, not '",
                         measure.currency(), "'"));
    }
    if (measure.has_period()) CheckDateSpec(id, "measure.period", measure.period());
    if (measure.additive() && !measure.has_period()) {
      Error(id, "measure.period", "an additive measure needs the period it covers");
    }
    measures_[id] = &measure;
  }

  void CheckSourceRef(absl::string_view id, absl::string_view field,
                      const std::string& source) {
    if (source.empty()) {
      Error(id, field, "no source given");
    } else if (!defs_->source_ids_.contains(source)) {
      Error(id, field, absl::StrCat("unknown source '", source, "'"));
    }
  }

  void CheckEventRef(absl::string_view id, absl::string_view field,
                     const std::string& event) {
    if (event.empty()) {
      Error(id, field, "no event given");
    } else if (!defs_->event_ids_.contains(event)) {
      Error(id, field, absl::StrCat("unknown event '", event, "'"));
    }
  }

  const Measure* CheckMeasureRef(absl::string_view id, absl::string_view field,
                                 const std::string& measure) {
    auto it = defs_->measures_.find(measure);
    if (measure.empty()) {
      Error(id, field, "no measure given");
    } else if (it == defs_->measures_.end()) {
      Error(id, field, absl::StrCat("unknown measure '", measure, "'"));
    } else {
      return it->second;
    }
    return nullptr;
  }

  void CheckTimeRef(absl::string_view id, const std::string& field,
                    const TimeRef& ref) {
    switch (ref.ref_case()) {
      case TimeRef::kEvent:
        CheckEventRef(id, field + ".event", ref.event());
        break;
      case TimeRef::kDate:
        CheckDateSpec(id, field + ".date", ref.date());
        break;
      case TimeRef::kPublishedOf:
        CheckSourceRef(id, field + ".published_of", ref.published_of());
        break;
      default:
        Error(id, field, "names no event, date or publication");
    }
  }

  // Checks the amount's figure and returns its unit when the figure is valid.
  std::optional<Unit> CheckAmount(absl::string_view id,
                                  const std::string& field,
                                  const Amount& amount) {
    if (!Qualifier_IsValid(amount.qualifier())) {
      Error(id, field + ".qualifier",
            absl::StrCat("unknown qualifier ", amount.qualifier()));
      return std::nullopt;
    }
    if (!Scale_IsValid(amount.scale())) {
      Error(id, field + ".scale", absl::StrCat("unknown scale ", amount.scale()));
      return std::nullopt;
    }
    absl::StatusOr<ValueInterval> interval =
        AmountInterval(amount, AmountSettings());
    if (!interval.ok()) {
      Error(id, field + ".value", interval.status().message());
      return std::nullopt;
    }
    for (const std::optional<Bound>& b : {interval->lo, interval->hi}) {
      if (b.has_value() && !b->value.AbsAtMostPow10(kMaxMagnitudeDigits)) {
        Error(id, field + ".value",
              absl::StrCat("'", amount.value(), "' exceeds the largest "
                           "magnitude, 10^", kMaxMagnitudeDigits));
        return std::nullopt;
      }
    }
    return LookupUnit(amount.unit());
  }

  void CheckDuration(absl::string_view id, const std::string& field,
                     const Amount& amount) {
    std::optional<Unit> unit = CheckAmount(id, field, amount);
    if (!unit) return;
    if (unit->kind != UnitKind::kDays && unit->kind != UnitKind::kMonths &&
        unit->kind != UnitKind::kYears) {
      Error(id, field + ".unit",
            absl::StrCat("'", amount.unit(),
                         "' is not a duration (day, week, month, year, "
                         "decade)"));
    }
    if (amount.value().size() > 0 && amount.value()[0] == '-') {
      Error(id, field + ".value", "a duration cannot be negative");
    }
  }

  void ValidateClaim(const std::string& id, const Claim& claim) {
    const Provenance& p = claim.provenance();
    CheckSourceRef(id, "provenance.source", p.source());
    if (p.quote().size() > kMaxQuoteBytes) {
      Error(id, "provenance.quote",
            absl::StrCat("quote of ", p.quote().size(),
                         " bytes exceeds the limit of ", kMaxQuoteBytes));
    }
    if (p.begin() < 0 || p.end() < p.begin()) {
      Error(id, "provenance.begin",
            absl::StrCat("offsets [", p.begin(), ", ", p.end(),
                         ") are not an interval"));
    }
    switch (claim.kind_case()) {
      case Claim::kDate: {
        const DateClaim& c = claim.date();
        CheckTimeRef(id, "date.subject", c.subject());
        switch (c.relation_case()) {
          case DateClaim::kWithin:
            CheckDateSpec(id, "date.within", c.within());
            break;
          case DateClaim::kBefore:
          case DateClaim::kAfter: {
            const bool before = c.relation_case() == DateClaim::kBefore;
            const Relative& r = before ? c.before() : c.after();
            const std::string f = before ? "date.before" : "date.after";
            CheckTimeRef(id, f + ".reference", r.reference());
            if (r.has_offset()) CheckDuration(id, f + ".offset", r.offset());
            break;
          }
          case DateClaim::kInPeriod:
            CheckPeriod(id, c.in_period());
            break;
          default:
            Error(id, "date",
                  "states no relation (within, before, after or in_period)");
        }
        break;
      }
      case Claim::kGap: {
        const GapClaim& c = claim.gap();
        CheckTimeRef(id, "gap.from", c.from());
        CheckTimeRef(id, "gap.to", c.to());
        if (!c.has_amount()) {
          Error(id, "gap.amount", "gap has no amount");
        } else {
          CheckDuration(id, "gap.amount", c.amount());
        }
        break;
      }
      case Claim::kQuantity: {
        const QuantityClaim& c = claim.quantity();
        const Measure* m =
            CheckMeasureRef(id, "quantity.measure", c.measure());
        if (!c.has_amount()) {
          Error(id, "quantity.amount", "quantity has no amount");
          break;
        }
        std::optional<Unit> unit = CheckAmount(id, "quantity.amount", c.amount());
        if (m != nullptr && unit &&
            !UnitFitsMeasure(*unit, m->dimension(), m->currency())) {
          Error(id, "quantity.amount.unit",
                absl::StrCat("unit '", c.amount().unit(),
                             "' does not fit measure '", m->id(), "' (",
                             Dimension_Name(m->dimension()),
                             m->currency().empty() ? "" : " ", m->currency(),
                             ")"));
        }
        break;
      }
      case Claim::kAggregate: {
        const AggregateClaim& c = claim.aggregate();
        const Measure* whole =
            CheckMeasureRef(id, "aggregate.whole", c.whole());
        if (c.parts_size() == 0) {
          Error(id, "aggregate.parts", "aggregate has no parts");
        }
        for (int i = 0; i < c.parts_size(); ++i) {
          const std::string f = absl::StrCat("aggregate.parts[", i, "]");
          const Measure* part = CheckMeasureRef(id, f, c.parts(i));
          if (part == nullptr || whole == nullptr) continue;
          if (part == whole) {
            Error(id, f, "a part cannot be the whole");
          } else if (part->dimension() != whole->dimension() ||
                     part->currency() != whole->currency()) {
            Error(id, f,
                  absl::StrCat("part '", part->id(),
                               "' is not in the whole's dimension or "
                               "currency"));
          }
        }
        break;
      }
      case Claim::kFirstSince:
        CheckFirstSince(id, claim.first_since());
        break;
      case Claim::kOrdinal:
        CheckOrdinal(id, claim.ordinal());
        break;
      case Claim::kChange:
        CheckChange(id, claim.change());
        break;
      case Claim::kShare:
        CheckShare(id, claim.share());
        break;
      case Claim::kExistence: {
        const ExistenceClaim& c = claim.existence();
        CheckEventRef(id, "existence.event", c.event());
        if (c.state() == ExistenceClaim::STATE_UNSPECIFIED ||
            !ExistenceClaim::State_IsValid(c.state())) {
          Error(id, "existence.state", "states no state (occurred, did not "
                                       "occur, cancelled)");
        }
        if (c.has_by()) CheckTimeRef(id, "existence.by", c.by());
        break;
      }
      case Claim::kReferenceFact:
        CheckReferenceFact(id, claim.reference_fact());
        break;
      default:
        Error(id, "kind", "claim states nothing (no claim kind is set)");
    }
  }

  void CheckPeriod(absl::string_view id, const RelativePeriod& p) {
    CheckTimeRef(id, "date.in_period.anchor", p.anchor());
    if (!RelativePeriod::Unit_IsValid(p.unit())) {
      Error(id, "date.in_period.unit", "unknown unit");
      return;
    }
    const bool by_month = p.unit() == RelativePeriod::UNIT_MONTH;
    if (by_month && (p.first_month() != 0 || p.last_month() != 0)) {
      Error(id, "date.in_period.first_month",
            "a period of one month takes days only, not months");
    }
    if ((p.first_month() == 0) != (p.last_month() == 0)) {
      Error(id, "date.in_period.last_month",
            "give both first_month and last_month, or neither");
    } else if (p.first_month() < 0 || p.first_month() > 12 ||
               p.last_month() < 0 || p.last_month() > 12 ||
               p.first_month() > p.last_month()) {
      Error(id, "date.in_period.first_month",
            absl::StrCat("months ", p.first_month(), "..", p.last_month(),
                         " are not a range within 1..12"));
    }
    // Days must exist in their month in some year (29 February does).
    static constexpr int kMaxDays[] = {31, 29, 31, 30, 31, 30,
                                       31, 31, 30, 31, 30, 31};
    const int first_max = p.first_month() > 0 && p.first_month() <= 12
                              ? kMaxDays[p.first_month() - 1] : 31;
    const int last_max = p.last_month() > 0 && p.last_month() <= 12
                             ? kMaxDays[p.last_month() - 1] : 31;
    if (p.first_day() < 0 || p.first_day() > first_max) {
      Error(id, "date.in_period.first_day",
            absl::StrCat("day ", p.first_day(), " is outside 1..", first_max));
    }
    if (p.last_day() < 0 || p.last_day() > last_max) {
      Error(id, "date.in_period.last_day",
            absl::StrCat("day ", p.last_day(), " is outside 1..", last_max));
    }
    if ((p.first_month() == p.last_month()) && p.first_day() > 0 &&
        p.last_day() > 0 && p.first_day() > p.last_day()) {
      Error(id, "date.in_period.first_day", "first_day is after last_day");
    }
  }

  void CheckFirstSince(absl::string_view id, const FirstSinceClaim& c) {
    CheckEventRef(id, "first_since.event", c.event());
    if (c.event_class().empty()) {
      Error(id, "first_since.event_class", "no event class given");
    }
    if (!c.previous().empty()) {
      CheckEventRef(id, "first_since.previous", c.previous());
      if (c.previous() == c.event()) {
        Error(id, "first_since.previous", "an event cannot precede itself");
      }
    }
    if (c.has_since()) CheckDateSpec(id, "first_since.since", c.since());
    if (c.first_ever() && c.last()) {
      Error(id, "first_since.last", "first_ever and last exclude each other");
    }
    if (c.first_ever() && (c.has_since() || !c.previous().empty())) {
      Error(id, "first_since.first_ever", "takes no since or previous");
    }
    if (c.last() && !c.previous().empty()) {
      Error(id, "first_since.last", "takes no previous");
    }
  }

  void CheckOrdinal(absl::string_view id, const OrdinalClaim& c) {
    if (c.event_class().empty()) {
      Error(id, "ordinal.event_class", "no event class given");
    }
    switch (c.form_case()) {
      case OrdinalClaim::kEvent:
        CheckEventRef(id, "ordinal.event", c.event());
        if (c.ordinal() < 1) {
          Error(id, "ordinal.ordinal",
                absl::StrCat("ordinal ", c.ordinal(), " is not 1 or more"));
        }
        break;
      case OrdinalClaim::kAnchor:
        CheckTimeRef(id, "ordinal.anchor", c.anchor());
        if (c.count() < 0) {
          Error(id, "ordinal.count", absl::StrCat("count ", c.count(), " is negative"));
        }
        break;
      default:
        Error(id, "ordinal", "names neither an event nor an anchor");
    }
  }

  void CheckPercent(absl::string_view id, const std::string& field,
                    const Amount& amount) {
    std::optional<Unit> unit = CheckAmount(id, field, amount);
    if (unit && unit->kind != UnitKind::kPercent) {
      Error(id, field + ".unit",
            absl::StrCat("'", amount.unit(), "' is not percent"));
    }
  }

  void CheckChange(absl::string_view id, const ChangeClaim& c) {
    const Measure* m = CheckMeasureRef(id, "change.measure", c.measure());
    if (c.all_time_high()) {
      if (m != nullptr && m->quantity().empty()) {
        Error(id, "change.all_time_high",
              absl::StrCat("measure '", m->id(),
                           "' has no quantity to compare with"));
      }
      return;
    }
    const Measure* p = CheckMeasureRef(id, "change.previous", c.previous());
    if (m != nullptr && p != nullptr &&
        (m->dimension() != p->dimension() || m->currency() != p->currency())) {
      Error(id, "change.previous",
            "the previous value is not in the measure's dimension or currency");
    }
    if (!c.has_change()) {
      Error(id, "change.change", "no change amount given");
    } else {
      CheckPercent(id, "change.change", c.change());
    }
  }

  void CheckShare(absl::string_view id, const ShareClaim& c) {
    if (c.market().empty()) Error(id, "share.market", "no market given");
    if (c.entity().empty()) Error(id, "share.entity", "no entity given");
    if (c.has_share()) CheckPercent(id, "share.share", c.share());
    if (c.rank() < 0) Error(id, "share.rank", "rank is negative");
    if (!c.has_share() && c.rank() == 0) {
      Error(id, "share", "states neither a share nor a rank");
    }
    if (c.ranked_above_size() > 0 && c.ranked_above_size() > c.rank() - 1) {
      Error(id, "share.ranked_above",
            absl::StrCat(c.ranked_above_size(), " entities ranked above need a "
                                                "rank of at least ",
                         c.ranked_above_size() + 1));
    }
    for (int i = 0; i < c.ranked_above_size(); ++i) {
      if (c.ranked_above(i).empty() || c.ranked_above(i) == c.entity()) {
        Error(id, absl::StrCat("share.ranked_above[", i, "]"),
              "must name another entity");
      }
    }
  }

  void CheckReferenceFact(absl::string_view id, const ReferenceFactClaim& c) {
    if (c.actor().empty()) Error(id, "reference_fact.actor", "no actor given");
    if (c.fact() == ReferenceFactClaim::FACT_UNSPECIFIED ||
        !ReferenceFactClaim::Fact_IsValid(c.fact())) {
      Error(id, "reference_fact.fact", "states no fact (lifespan, term of office)");
    }
    if (c.fact() == ReferenceFactClaim::FACT_TERM_OF_OFFICE && c.office().empty()) {
      Error(id, "reference_fact.office", "a term of office names the office");
    }
    if (!c.has_from() && !c.has_to()) {
      Error(id, "reference_fact", "gives neither from nor to");
    }
    std::optional<DayInterval> from, to;
    if (c.has_from()) from = CheckDateSpec(id, "reference_fact.from", c.from());
    if (c.has_to()) to = CheckDateSpec(id, "reference_fact.to", c.to());
    if (from && to && to->last < from->first) {
      Error(id, "reference_fact.to", "ends before it starts");
    }
  }

  const ClaimSet& set_;
  const CheckOptions& options_;
  std::vector<Issue> issues_;
  // Keys view the request's own strings.
  absl::flat_hash_set<absl::string_view> source_ids_, event_ids_, measure_ids_;
  absl::flat_hash_map<absl::string_view, const Measure*> measures_;
  // Whose sources, events and measures claims are checked against: this
  // validator's own, or for a block's validator, the one that made it.
  const Validator* defs_;
};

}  // namespace

std::vector<Issue> ValidateRequest(const CheckRequest& request) {
  return Validator(request).Run();
}

std::vector<Issue> ValidateWholeSet(
    const CheckOptions& options, int claims,
    const std::function<bool(const std::string&)>& defined) {
  std::vector<Issue> out;
  auto error = [&](const std::string& id, std::string field, std::string message) {
    Issue& issue = out.emplace_back();
    issue.set_severity(SEVERITY_ERROR);
    issue.set_claim_id(id);
    issue.set_field(std::move(field));
    issue.set_message(std::move(message));
  };
  // Derivations name events or measures of the set (after they are read).
  const Diagnosis& d = options.diagnosis();
  for (int i = 0; i < d.derive_size(); ++i) {
    const std::string& id = d.derive(i);
    if (!defined(id)) {
      error(id, absl::StrCat("options.diagnosis.derive[", i, "]"),
            absl::StrCat("'", id, "' names no event or measure"));
    }
  }
  const int max_claims = options.limits().max_claims() > 0
                             ? options.limits().max_claims()
                             : kDefaultMaxClaims;
  if (claims > max_claims) {
    error("", "options.limits.max_claims",
          absl::StrCat(claims, " claims exceed the limit of ", max_claims,
                       " per check (options.limits.max_claims)"));
  }
  return out;
}

}  // namespace claimcheck

// Tense binding: a reported past event ends on or before its source's
// publication (and so before the corpus was retrieved); a planned event
// starts after the publication.
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

void CollectEvent(const TimeRef& ref, std::vector<std::string>& out) {
  if (ref.has_event()) out.push_back(ref.event());
}

// The events a claim names.
std::vector<std::string> EventsOf(const Claim& claim) {
  std::vector<std::string> events;
  switch (claim.kind_case()) {
    case Claim::kDate: {
      const DateClaim& d = claim.date();
      CollectEvent(d.subject(), events);
      if (d.has_before()) CollectEvent(d.before().reference(), events);
      if (d.has_after()) CollectEvent(d.after().reference(), events);
      if (d.has_in_period()) CollectEvent(d.in_period().anchor(), events);
      break;
    }
    case Claim::kGap:
      CollectEvent(claim.gap().to(), events);
      CollectEvent(claim.gap().from(), events);
      break;
    case Claim::kFirstSince:
      events.push_back(claim.first_since().event());
      if (!claim.first_since().previous().empty()) {
        events.push_back(claim.first_since().previous());
      }
      break;
    case Claim::kOrdinal:
      if (claim.ordinal().form_case() == OrdinalClaim::kEvent) {
        events.push_back(claim.ordinal().event());
      }
      break;
    default:
      break;  // existence decides occurrence itself; the rest name no events
  }
  return events;
}

// The claim's subject, when it is an event: what a plan is about, or what
// was cancelled.
std::optional<std::string> SubjectEvent(const Claim& claim) {
  std::vector<std::string> subject;
  switch (claim.kind_case()) {
    case Claim::kDate:
      CollectEvent(claim.date().subject(), subject);
      break;
    case Claim::kGap:
      CollectEvent(claim.gap().to(), subject);
      break;
    case Claim::kFirstSince:
      subject.push_back(claim.first_since().event());
      break;
    case Claim::kOrdinal:
      if (claim.ordinal().form_case() == OrdinalClaim::kEvent) {
        subject.push_back(claim.ordinal().event());
      }
      break;
    default:
      break;
  }
  if (subject.empty()) return std::nullopt;
  return subject.front();
}

}  // namespace

void BindTense(const Claim& claim, Encoding& encoding, Encoded& encoded) {
  const std::vector<std::string> events = EventsOf(claim);
  const std::optional<std::string> subject = SubjectEvent(claim);
  const Provenance& p = claim.provenance();
  const Source& source = encoding.source(p.source());
  // The latest day the publication can be, for the bound's text.
  int64_t latest = CalendarDateInterval(source.retrieved())->last;
  if (source.has_published()) {
    latest = std::min(latest, DateSpecInterval(source.published())->last);
  }
  switch (p.modality()) {
    case MODALITY_UNSPECIFIED:
    case MODALITY_REPORTED: {
      // The subject occurred; every event named that occurred is over by
      // the publication.
      if (subject) {
        encoded.constraint = encoded.constraint && encoding.Occurs(*subject);
      }
      absl::flat_hash_set<std::string> seen;
      for (const std::string& e : events) {
        if (!seen.insert(e).second) continue;
        const Span span = encoding.EventSpan(e);
        encoded.constraint =
            encoded.constraint &&
            z3::implies(encoding.Occurs(e),
                        span.last <= encoding.PublishedOneSided(p.source(), true));
        if (!subject || e != *subject) continue;
        DirectBound b{absl::StrCat("event:", e), span.name,
                      absl::StrCat("reported as past by '", p.source(),
                                   "', so over by its publication (",
                                   source.has_published() ? "" : "at the latest ",
                                   FormatDay(latest), ")")};
        b.last_day = latest;
        encoded.bounds.push_back(b);
      }
      break;
    }
    case MODALITY_PLANNED: {
      if (!subject) break;
      const Span span = encoding.EventSpan(*subject);
      encoded.constraint =
          encoded.constraint &&
          span.first > encoding.PublishedOneSided(p.source(), false);
      break;
    }
    case MODALITY_CANCELLED:
      if (subject) {
        encoded.constraint = encoded.constraint && !encoding.Occurs(*subject);
      }
      break;
    default:
      break;  // hypothetical: no binding
  }
}

}  // namespace claimcheck

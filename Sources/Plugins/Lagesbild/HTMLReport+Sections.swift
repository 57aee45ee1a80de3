import Platform

/// The text and table sections of the page: summary, hotspots, new, rising, recurring places, scores,
/// reporting, notes, interventions and priorities, the next period, feedback and methods.
extension HTMLReport {
    func summary() {
        open(.summary)
        let events = countCells.reduce(0) { $0 + $1.value }
        let previous = lagesbild.highlights.previousEvents
        let areas = Set(countCells.filter { $0.value > 0 }.map(\.area)).count
        let completeness = lagesbild.completeness
        let figures: [(String, String, String)] = [
            (t("Händelser", "Events"), n(events), t("föregående period: ", "previous period: ") + language.numberInText(previous)),
            (t("Områden med händelser", "Areas with events"), String(areas), t("av ", "of ") + String(lagesbild.areas.count)),
            (t("Hotspots", "Hotspots"), String(lagesbild.hotspots.count), t("signifikant över baslinjen", "significantly above baseline")),
            (t("Nya", "New"), String(lagesbild.cells.filter(\.isNew).count), t("inga händelser under baslinjen", "none in the baseline")),
            (t("Orange eller röda", "Orange or red"), String(lagesbild.cells.filter { $0.status >= .orange }.count),
             t("område × indikator", "area × indicator")),
            (t("Rapportörer", "Reporters"), "\(completeness.reported)/\(completeness.expected)",
             t("förväntade har rapporterat", "expected have reported")),
        ]
        append("<dl class=\"figures\">")
        for (label, value, note) in figures {
            append("<div><dt>\(e(label))</dt><dd><span class=\"figure\">\(e(value))</span> <span class=\"sub\">\(e(note))</span></dd></div>")
        }
        append("</dl>")
        var points: [String] = []
        let missing = completeness.reporters.filter { $0.expected && !$0.reported }.map(\.name)
        if !missing.isEmpty { points.append(t("Saknas: ", "Missing: ") + missing.joined(separator: ", ") + ".") }
        let top = lagesbild.areaScores.prefix(3).filter { $0.score > 0 }
        if !top.isEmpty {
            points.append(t("Högst poäng: ", "Highest scores: ")
                + top.map { "\(lagesbild.areaName($0.area)) (\(n($0.score)))" }.joined(separator: ", ") + ".")
        }
        if !points.isEmpty { append("<ul>" + points.map { "<li>\(e($0))</li>" }.joined() + "</ul>") }
        close()
    }

    func hotspots() {
        open(.hotspots)
        if lagesbild.hotspots.isEmpty {
            paragraph(t("Inga hotspots denna period.", "No hotspots this period."))
        } else {
            table(t("Hotspots, \(periodLabel): antal signifikant över baslinjen", "Hotspots, \(periodLabel): counts significantly above the baseline"),
                  [t("Område", "Area"), t("Indikator", "Indicator"), t("Antal", "Count"), t("Baslinje", "Baseline"), t("p (justerat)", "p (adjusted)")],
                  lagesbild.hotspots.map { [e(lagesbild.areaName($0.area)), e(lagesbild.indicatorName($0.indicator)), n($0.value),
                                            n($0.baseline), e(pValue($0.adjustedPValue))] },
                  numeric: [2, 3, 4])
        }
        close()
    }

    private func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0" + t(",", ".") + "001" : language.number(p, decimals: 3)
    }

    func newCells() {
        open(.new)
        let new = lagesbild.cells.filter(\.isNew)
        if new.isEmpty {
            paragraph(t("Inget nytt: alla händelser är i områden och indikatorer med händelser under baslinjen.",
                        "Nothing new: every event is in an area and indicator with events in the baseline."))
        } else {
            append("<ul>")
            for cell in new {
                append("<li>\(e(lagesbild.indicatorName(cell.indicator))) \(e(t("i", "in"))) \(e(lagesbild.areaName(cell.area))): \(n(cell.value))</li>")
            }
            append("</ul>")
        }
        close()
    }

    func rising() {
        open(.rising)
        let rising = lagesbild.highlights.rising
        if rising.isEmpty {
            paragraph(t("Inga områden över sin baslinje i orange eller röd nivå.", "No area above its baseline at orange or red."))
        } else {
            table(t("Område och indikator i orange eller röd nivå, högst först", "Areas and indicators at orange or red, highest first"),
                  [t("Område", "Area"), t("Indikator", "Indicator"), t("Värde", "Value"), t("Föreg.", "Prev."), t("Förra året", "Last year"),
                   t("Baslinje", "Baseline"), t("Förändring", "Change"), t("Status", "Status")],
                  rising.map { [e(lagesbild.areaName($0.area)), e(lagesbild.indicatorName($0.indicator)), n($0.value), n($0.previous),
                                n($0.lastYear), n($0.baseline), signed($0.change), badge($0.status)] },
                  numeric: [2, 3, 4, 5, 6])
        }
        close()
    }

    /// Statistics and reports from the public beside the observations, only for a kommun that has them.
    func otherSources() {
        guard let sources = lagesbild.sources else { return }
        open(.sources)
        paragraph(Lagesbild.SourceSummary.explanation(language))
        append("<ul>" + sources.map { "<li>" + e($0.line(language, periodEnd: lagesbild.period.end)) + "</li>" }.joined() + "</ul>")
        let cells = lagesbild.cells.filter { $0.sources != nil }
        if !cells.isEmpty {
            table(t("Observationer och andra källor per område och indikator", "Observations and other sources by area and indicator"),
                  [t("Område", "Area"), t("Indikator", "Indicator"), t("Observationer", "Observations")] + sources.map { "\($0.name) \($0.label)" },
                  cells.map { cell in
                      [e(lagesbild.areaName(cell.area)), e(lagesbild.indicatorName(cell.indicator)), n(cell.value)]
                          + sources.map { cell.sources?.value(of: $0.source).map(n) ?? "–" }
                  }, numeric: Set(2..<(3 + sources.count)))
        }
        close()
    }

    func recurring() {
        open(.recurring)
        if lagesbild.recurringPlaces.isEmpty {
            paragraph(t("Ingen indikator återkommer på samma plats i minst 3 av de 4 senaste perioderna.",
                        "No indicator recurs at the same place in at least 3 of the last 4 periods."))
        } else {
            table(t("Samma indikator på samma plats i minst 3 av de 4 senaste perioderna",
                    "The same indicator at the same place in at least 3 of the last 4 periods"),
                  [t("Plats", "Place"), t("Indikator", "Indicator"), t("Perioder", "Periods"), t("Rapporter", "Reports")],
                  lagesbild.recurringPlaces.map { place in
                      [e(lagesbild.areaName(place.area) + (place.place.map { ", \($0)" } ?? "")), e(lagesbild.indicatorName(place.indicator)),
                       e(place.periods.joined(separator: ", ")), String(place.reports)]
                  },
                  numeric: [3])
        }
        close()
    }

    func scores() {
        open(.scores)
        let scored = lagesbild.areaScores.filter { $0.score > 0 }
        if scored.isEmpty {
            paragraph(t("Inga händelser denna period.", "No events this period."))
        } else {
            var worst: [String: Lagesbild.Status] = [:]
            for cell in lagesbild.cells { worst[cell.area] = max(worst[cell.area] ?? cell.status, cell.status) }
            table(t("Områden efter poäng (vikt × värde), högst först", "Areas by score (weight × value), highest first"),
                  [t("Område", "Area"), t("Rang", "Rank"), t("Poäng", "Score"), t("Händelser", "Events"), t("Värst", "Worst")],
                  scored.map { score in
                      [e(lagesbild.areaName(score.area)), String(score.rank), n(score.score), n(events(in: score.area)),
                       badge(worst[score.area] ?? .green)]
                  },
                  numeric: [1, 2, 3])
        }
        areaStatuses()
        close()
    }

    /// Each area's computed and assessed status, when they say more than the worst cell in the table above.
    private func areaStatuses() {
        guard lagesbild.showsAreaStatuses else { return }
        table(t("Områdesstatus: beräknad efter kommunens regler och bedömd av en grupp", "Area status: computed by the kommun's rules and assessed by a group"),
              [t("Område", "Area"), t("Beräknad", "Computed"), t("Bedömd", "Assessed"), t("Bedömd av", "Assessed by"),
               t("Från", "From"), t("Skäl", "Reason")],
              lagesbild.areaStatuses.map { status in
                  [e(status.areaName), badge(status.status), status.assessed.map { badge($0.status) } ?? "–",
                   e(status.assessed?.by.name ?? ""), e(status.assessed?.on ?? ""), e(status.assessed?.reason ?? "")]
              })
    }

    func completeness() {
        open(.reporting)
        let completeness = lagesbild.completeness
        paragraph(t("\(completeness.reported) av \(completeness.expected) förväntade rapportörer har rapporterat.",
                    "\(completeness.reported) of \(completeness.expected) expected reporters have reported."))
        paragraph(t("Rapporterna skulle vara inne ", "Reports were due ") + completeness.due.replacingOccurrences(of: "T", with: " ")
            + (completeness.dueFor.map { t(", till ", ", for ") + $0 } ?? "") + ".")
        table(t("Rapportörer denna period", "Reporters this period"),
              [t("Rapportör", "Reporter"), t("Förväntad", "Expected"), t("Rader", "Rows"), t("Status", "Status"), t("I tid", "On time")],
              completeness.reporters.map { reporter in
                  let status = reporter.reported ? "<span class=\"ok\"><span aria-hidden=\"true\">✓</span> \(e(t("rapporterat", "reported")))</span>"
                      : reporter.expected ? "<span class=\"missing\"><span aria-hidden=\"true\">✗</span> \(e(t("saknas", "missing")))</span>"
                      : e(t("ej förväntad", "not expected"))
                  return [e(reporter.name), e(reporter.expected ? t("ja", "yes") : t("nej", "no")), String(reporter.rows), status,
                          timeliness(reporter.timeliness)]
              },
              numeric: [2])
        close()
    }

    /// Whether a reporter was on time, as a word with a sign that does not depend on colour: ✓ on time,
    /// ! late, ✗ missing, ○ not yet.
    private func timeliness(_ timeliness: Lagesbild.Timeliness) -> String {
        let (className, marker) = switch timeliness {
        case .onTime: ("ok", "✓")
        case .late: ("late", "!")
        case .missing: ("missing", "✗")
        case .pending: ("pending", "○")
        }
        return "<span class=\"\(className)\"><span aria-hidden=\"true\">\(marker)</span> \(e(timeliness.label(language)))</span>"
    }

    func notes() {
        open(.notes)
        if lagesbild.notes.isEmpty {
            paragraph(t("Inga noteringar denna period.", "No notes this period."))
        } else {
            let names = Dictionary(lagesbild.completeness.reporters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let notes = lagesbild.areas.flatMap { area in lagesbild.notes.filter { $0.area == area.id } }
                + lagesbild.notes.filter { lagesbild.area($0.area) == nil }
            table(t("Periodens noteringar per område", "The period's notes by area"),
                  [t("Område", "Area"), t("Tid", "When"), t("Indikator, plats", "Indicator, place"), t("Rapportör", "Reporter"),
                   t("Notering", "Note")],
                  notes.map { note in
                      [e(lagesbild.areaName(note.area)), "<span class=\"when\">" + e(note.date + (note.time.map { " \($0)" } ?? "")) + "</span>",
                       e(lagesbild.indicatorName(note.indicator) + (note.place.map { ", \($0)" } ?? "")),
                       e(names[note.reporter] ?? note.reporterName), e(note.text ?? "")]
                  })
        }
        close()
    }

    func interventions() {
        open(.interventions)
        let interventions = lagesbild.interventions
        if let priorities = interventions.priorities {
            let areas = priorities.areas.isEmpty ? t("inga", "none") : priorities.areas.map(\.name).joined(separator: ", ")
            paragraph(t("Prioriterade områden \(priorities.period)", "Priority areas \(priorities.period)") + ": " + areas
                + t(" (beslutat av \(priorities.decidedBy.name) \(priorities.decidedOn)).",
                    " (decided by \(priorities.decidedBy.name) on \(priorities.decidedOn))."))
        } else {
            paragraph(t("Inga beslutade prioriterade områden.", "No priority areas decided."))
        }
        let lists = [(t("Nya förslag", "New proposals"), t("Insatser föreslagna denna period", "Interventions proposed this period"),
                      interventions.proposed),
                     (t("Pågående", "Under way"), t("Beslutade insatser som pågår", "Decided interventions under way"), interventions.underWay),
                     (t("Att följa upp", "Due for follow-up"), t("Insatser som ska följas upp", "Interventions due for follow-up"),
                      interventions.followUpsDue)]
        for (heading, caption, items) in lists {
            append("<h3>\(e(heading))</h3>")
            if items.isEmpty {
                paragraph(t("Inga.", "None."))
            } else {
                table(caption,
                      [t("Id", "Id"), t("Insats", "Intervention"), t("Områden", "Areas"), t("Ansvarig", "Owner"),
                       t("Planerat slut", "Planned end")],
                      items.map { item in
                          [e(item.id), e(item.title), e(item.areas.isEmpty ? "–" : item.areas.map(\.name).joined(separator: ", ")),
                           e(item.owner?.name ?? "–"), "<span class=\"when\">" + e(item.plannedEnd ?? "–") + "</span>"]
                      })
            }
        }
        close()
    }

    func nextPeriod() {
        open(.nextPeriod)
        if lagesbild.upcoming.isEmpty {
            paragraph(t("Inga möten enligt kommunens fil.", "No meetings in the kommun's file."))
        } else {
            table(t("Möten och aktiviteter nästa period", "Meetings and activities next period"),
                  [t("Datum", "Date"), t("Tid", "Time"), t("Vad", "What"), t("Var", "Where"), t("Anmärkning", "Notes")],
                  lagesbild.upcoming.map { meeting in
                      ["<span class=\"when\">" + e(meeting.date.description) + "</span>",
                       "<span class=\"when\">" + e(meeting.start?.description ?? t("heldag", "all day")) + "</span>",
                       e(meeting.title), e(meeting.location ?? "–"), e(meeting.notes.joined(separator: "; "))]
                  })
        }
        close()
    }

    func feedback() {
        open(.feedback)
        let steps = lagesbild.distribution.feedback
        if steps.isEmpty {
            paragraph(t("Kommunens fil anger ingen återkopplingskedja.", "The kommun's file gives no feedback chain."))
        } else {
            paragraph(t("Så går lägesbilden tillbaka till dem som rapporterar, i ordning:", "How the situation picture goes back to those who report, in order:"))
            append("<ol class=\"chain\">")
            for step in steps {
                append("<li value=\"\(step.order)\"><span class=\"party\">\(e(step.from.name))</span> <span class=\"arrow\" aria-hidden=\"true\">→</span>"
                    + "<span class=\"sr\"> \(e(t("till", "to")))</span> <span class=\"party\">\(e(step.to.name))</span>"
                    + (step.about.map { "<span class=\"about\">\(e($0))</span>" } ?? "") + "</li>")
            }
            append("</ol>")
        }
        close()
    }

    func methods() {
        open(.methods)
        let methods = lagesbild.methods
        let entries = [(t("Baslinje", "Baseline"), methods.baseline), (t("Status", "Status"), methods.status),
                       (t("Hotspots", "Hotspots"), methods.hotspots), (t("Återkommande platser", "Recurring places"), methods.recurringPlaces),
                       (t("Poäng", "Score"), methods.score)]
        append("<dl class=\"methods\">" + entries.map { "<div><dt>\(e($0.0))</dt><dd>\(e($0.1))</dd></div>" }.joined() + "</dl>")
        close()
    }
}

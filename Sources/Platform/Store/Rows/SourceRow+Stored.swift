extension SourceRow {
    /// A stored row as every store reads it: `date` its day (a week's Thursday, a period's first day), with its
    /// `precision` and, for a statistic dated by a period, that period and its last day; nil when `date` is
    /// not a day.
    public init?(reporter: String, area: String, indicator: String, value: Int, storedDate date: String, precision: String,
                 period: String?, periodEnd: String?) {
        guard let date = CalendarDate(iso: date) else { return nil }
        var (dated, first, last) = (date.description, date, date)
        if let period, let end = periodEnd.flatMap(CalendarDate.init(iso:)) {
            (dated, last) = (period, end)
        } else if precision == Report.Precision.week.rawValue {
            let week = Period(containing: date, kind: .week)
            (dated, first, last) = (week.description, week.start, week.end)
        }
        self.init(reporter: reporter, area: area, indicator: indicator, value: value, dated: dated, first: first, last: last)
    }
}

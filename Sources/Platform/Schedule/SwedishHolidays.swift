/// Swedish public holidays (röda dagar) and the eves that are days off in practice (midsommarafton,
/// julafton, nyårsafton), which meetings are moved away from.
public enum SwedishHolidays {
    /// The holidays of `year` with their Swedish names; two on one day (första maj and Kristi
    /// himmelsfärdsdag in 2008) share it as "första maj och Kristi himmelsfärdsdag".
    public static func holidays(in year: Int) -> [CalendarDate: String] {
        Dictionary(list(in: year), uniquingKeysWith: { first, second in "\(first) och \(second)" })
    }

    /// The holiday on `date`, if any.
    public static func name(of date: CalendarDate) -> String? {
        // A scan of the year's sixteen days rather than `holidays(in:)`: this is asked for every day a
        // meeting could fall on, and building a dictionary each time was most of a lägesbild's planning.
        let names = list(in: date.year).filter { $0.0 == date }.map(\.1)
        return names.isEmpty ? nil : names.joined(separator: " och ")
    }

    /// The holidays of `year` in the year's order, movable feasts where they fall.
    private static func list(in year: Int) -> [(CalendarDate, String)] {
        let easter = easterSunday(year)
        func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        /// The `weekday` (1 = Monday) on or after `start`.
        func first(_ weekday: Int, onOrAfter start: CalendarDate) -> CalendarDate {
            start.adding(days: (weekday - start.isoWeekday + 7) % 7)
        }
        return [
            (date(1, 1), "nyårsdagen"),
            (date(1, 6), "trettondedag jul"),
            (easter.adding(days: -2), "långfredagen"),
            (easter, "påskdagen"),
            (easter.adding(days: 1), "annandag påsk"),
            (date(5, 1), "första maj"),
            (easter.adding(days: 39), "Kristi himmelsfärdsdag"),
            (easter.adding(days: 49), "pingstdagen"),
            (date(6, 6), "Sveriges nationaldag"),
            (first(5, onOrAfter: date(6, 19)), "midsommarafton"),
            (first(6, onOrAfter: date(6, 20)), "midsommardagen"),
            (first(6, onOrAfter: date(10, 31)), "alla helgons dag"),
            (date(12, 24), "julafton"),
            (date(12, 25), "juldagen"),
            (date(12, 26), "annandag jul"),
            (date(12, 31), "nyårsafton"),
        ]
    }

    /// Monday to Friday and not a holiday.
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.isoWeekday <= 5 && name(of: date) == nil
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }
}

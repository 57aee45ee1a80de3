import ArgumentParser
import Platform

/// The kommun, the store and the language: what the subcommands of `insats` and `status` share.
struct KommunTarget: ParsableArguments {
    @Argument(help: "The kommun's id.")
    var kommun: String

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func config() throws -> KommunConfig { try catalogOptions.kommun(kommun) }

    /// The store, created when it does not exist yet (for the subcommands that write).
    func store() throws -> any PlatformStore { try storeOptions.open() }

    /// `day`, or today in the kommun's time zone.
    func day(_ day: CalendarDate?, _ config: KommunConfig) -> CalendarDate {
        day ?? Now.today(for: config)
    }
}

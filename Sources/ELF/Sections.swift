/// The contents of the program's sections by name, copied out of the file while libelf has it open.
/// Sections that occupy no file space (SHT_NOBITS, e.g. `.bss`) are recorded as having no contents.
struct SectionTable: Sendable {
    private let contentsByName: [String: [UInt8]?]

    /// Reads each named section's raw bytes through `image`. When a name repeats, the first section
    /// (lowest index) wins. Returns nil if libelf cannot supply the bytes of a section it listed.
    init?(_ sections: [RawSection], image: LibELFImage) {
        var contents: [String: [UInt8]?] = [:]
        for section in sections where !section.name.isEmpty && contents[section.name] == nil {
            if section.type == ELFConstant.sectionNoBits {
                contents[section.name] = .some(nil)
            } else {
                guard let bytes = image.sectionBytes(section.index) else { return nil }
                contents[section.name] = .some(bytes)
            }
        }
        contentsByName = contents
    }

    /// The raw bytes of the first section called `name`; nil if there is none or it is SHT_NOBITS.
    func contents(of name: String) -> [UInt8]? {
        contentsByName[name] ?? nil
    }
}

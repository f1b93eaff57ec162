/// Resource limits every reader enforces, so that a hostile file ends in an
/// error instead of exhausting memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// Largest input file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest decompressed size of one package part (e.g. `word/document.xml`).
    pub max_part_bytes: u64,
    /// Largest decompressed size of all parts read from one file, together.
    pub max_total_bytes: u64,
    /// Largest ratio of decompressed to compressed size for one part.
    pub max_compression_ratio: u64,
    /// Most entries a zip package may list.
    pub max_zip_entries: usize,
    /// Deepest XML element nesting accepted.
    pub max_xml_depth: usize,
    /// Most table rows in one document.
    pub max_rows: usize,
    /// Most table cells in one document.
    pub max_cells: usize,
}

impl Default for ReadLimits {
    fn default() -> ReadLimits {
        const MIB: u64 = 1024 * 1024;
        ReadLimits {
            max_file_bytes: 256 * MIB,
            max_part_bytes: 128 * MIB,
            max_total_bytes: 256 * MIB,
            max_compression_ratio: 200,
            max_zip_entries: 10_000,
            max_xml_depth: 256,
            max_rows: 200_000,
            max_cells: 2_000_000,
        }
    }
}

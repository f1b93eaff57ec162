//! Times one file through each pipeline stage separately, the way
//! `tongbao::convert_bytes` and `tongbao convert` run them.

use std::ops::AddAssign;
use std::time::{Duration, Instant};

use tongbao_export::{Exporter, Format};
use tongbao_model::{ReadLimits, Source};

/// Time spent in each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    pub read: Duration,
    pub parse: Duration,
    pub normalize: Duration,
    pub export: Duration,
}

impl StageTimes {
    pub fn total(&self) -> Duration {
        self.read + self.parse + self.normalize + self.export
    }

    /// `(name, time)` per stage, in pipeline order.
    pub fn named(&self) -> [(&'static str, Duration); 4] {
        [
            ("read", self.read),
            ("parse", self.parse),
            ("normalize", self.normalize),
            ("export", self.export),
        ]
    }
}

impl AddAssign for StageTimes {
    fn add_assign(&mut self, other: StageTimes) {
        self.read += other.read;
        self.parse += other.parse;
        self.normalize += other.normalize;
        self.export += other.export;
    }
}

/// Why a file failed in a stage.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error(transparent)]
    Read(#[from] tongbao_read::ReadError),
    #[error("{file}: {source}")]
    Parse {
        file: String,
        source: tongbao_parse::ParseError,
    },
    #[error("{file}: {source}")]
    Export {
        file: String,
        source: tongbao_export::ExportError,
    },
}

/// Converts `bytes` to pretty JSON (as `tongbao convert` writes it), timing
/// each stage; returns the times and the JSON's length.
pub fn time_stages(file: &str, bytes: &[u8]) -> Result<(StageTimes, usize), StageError> {
    let mut times = StageTimes::default();

    let started = Instant::now();
    let output = tongbao_read::read_bytes(file, bytes, &ReadLimits::default())?;
    times.read = started.elapsed();

    let started = Instant::now();
    let source = Source {
        file: file.to_owned(),
        format: output.format,
        sha256: output.sha256,
        sheet: None,
        created: output.document.properties.created.clone(),
        modified: output.document.properties.modified.clone(),
    };
    let mut bulletin =
        tongbao_parse::parse(&output.document, source).map_err(|source| StageError::Parse {
            file: file.to_owned(),
            source,
        })?;
    times.parse = started.elapsed();

    let started = Instant::now();
    tongbao_normalize::normalize(&mut bulletin, &tongbao_normalize::Options::default());
    times.normalize = started.elapsed();

    let started = Instant::now();
    let export_error = |source| StageError::Export {
        file: file.to_owned(),
        source,
    };
    let mut exporter = Exporter::new(Format::Json, Vec::new());
    exporter.write(&bulletin).map_err(export_error)?;
    let json = exporter.finish().map_err(export_error)?;
    times.export = started.elapsed();
    Ok((times, json.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_every_stage_of_the_fixture() {
        let path = format!(
            "{}/../../fixtures/bulletin-2019-08.docx",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let (times, json_len) = time_stages("bulletin-2019-08.docx", &bytes).unwrap();
        assert!(times.named().iter().all(|(_, time)| !time.is_zero()));
        assert_eq!(
            times.total(),
            times.read + times.parse + times.normalize + times.export
        );
        assert!(json_len > 50_000, "{json_len}");
        assert!(time_stages("x.docx", b"PK\x03\x04 broken").is_err());
    }
}

//! Writes the benchmark corpus.
//!
//! `corpus batch FIXTURES OUT COUNT SEED`: the fixtures plus COUNT variants
//! (three in four Word, one in four Excel) in OUT.
//! `corpus scale FIXTURES OUT`: Word files for the scaling curves, by row
//! count (`rows-N.docx`) and by main-part size (`mb-N.docx`).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use fastrand::Rng;
use rayon::prelude::*;
use tongbao_bench::corpus::{Variant, docx_variant, docx_with_rows, xlsx_variant};
use tongbao_bench::package::read_part;

const DOCX: &str = "bulletin-2019-08.docx";
const XLSX: &str = "bulletin-2019-08.xlsx";
const XLS: &str = "bulletin-2019-08.xls";
const SCALE_ROWS: [usize; 3] = [1250, 2500, 5000];
const SCALE_MEGABYTES: [usize; 3] = [5, 10, 20];
/// Long texts in the size curve are written this many times, so the
/// megabytes come from text, not only from more rows.
const SCALE_LENGTHEN: usize = 4;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["batch", fixtures, out, count, seed] => batch(
            Path::new(fixtures),
            Path::new(out),
            count.parse().context("COUNT")?,
            seed.parse().context("SEED")?,
        ),
        ["scale", fixtures, out] => scale(Path::new(fixtures), Path::new(out)),
        _ => bail!("usage: corpus batch FIXTURES OUT COUNT SEED | corpus scale FIXTURES OUT"),
    }
}

fn read(path: PathBuf) -> anyhow::Result<Vec<u8>> {
    std::fs::read(&path).with_context(|| path.display().to_string())
}

fn batch(fixtures: &Path, out: &Path, count: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    for name in [DOCX, XLSX, XLS] {
        std::fs::copy(fixtures.join(name), out.join(name))?;
    }
    let docx = read(fixtures.join(DOCX))?;
    let xlsx = read(fixtures.join(XLSX))?;
    (0..count).into_par_iter().try_for_each(|index| {
        let mut rng = Rng::with_seed(seed ^ (index as u64).wrapping_mul(0x9E37_79B9));
        let variant = Variant {
            seed: rng.u64(..),
            shuffle_rows: rng.bool(),
            extra_rows: rng.usize(..61),
            lengthen: 1 + rng.usize(..3),
        };
        let (bytes, extension) = if index % 4 == 3 {
            (xlsx_variant(&xlsx, &variant)?, "xlsx")
        } else {
            (docx_variant(&docx, &variant)?, "docx")
        };
        std::fs::write(out.join(format!("variant-{index:05}.{extension}")), bytes)?;
        anyhow::Ok(())
    })
}

fn scale(fixtures: &Path, out: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    let docx = read(fixtures.join(DOCX))?;
    for rows in SCALE_ROWS {
        let bytes = docx_with_rows(&docx, rows, 1, rows as u64)?;
        std::fs::write(out.join(format!("rows-{rows}.docx")), bytes)?;
    }
    // Rows needed for a main part of the wanted size, from a sample's size per row.
    let sample_rows = 200;
    let sample = docx_with_rows(&docx, sample_rows, SCALE_LENGTHEN, 1)?;
    let bytes_per_row = read_part(&sample, "word/document.xml")?.len() / sample_rows;
    for megabytes in SCALE_MEGABYTES {
        let rows = megabytes * 1024 * 1024 / bytes_per_row.max(1);
        let bytes = docx_with_rows(&docx, rows, SCALE_LENGTHEN, megabytes as u64)?;
        std::fs::write(out.join(format!("mb-{megabytes}.docx")), bytes)?;
    }
    Ok(())
}

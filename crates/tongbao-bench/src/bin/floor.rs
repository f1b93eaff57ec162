//! `floor DIR JOBS`: the floor pass (unzip the main part, stream it once
//! into cell texts) over every file in DIR on JOBS threads. Prints one
//! `key=value` line; non-zip files (.xls) are counted as skipped.

use std::time::Instant;

use anyhow::{Context, bail};
use rayon::prelude::*;
use tongbao_bench::floor::cell_texts;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, jobs] = args.as_slice() else {
        bail!("usage: floor DIR JOBS");
    };
    let jobs: usize = jobs.parse().context("JOBS")?;
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let started = Instant::now();
    let results: Vec<Option<usize>> = pool.install(|| {
        paths
            .par_iter()
            .map(|path| {
                let bytes = std::fs::read(path).ok()?;
                cell_texts(&bytes).ok().map(|cells| cells.len())
            })
            .collect()
    });
    let wall = started.elapsed();
    let cells: usize = results.iter().flatten().sum();
    let skipped = results.iter().filter(|result| result.is_none()).count();
    println!(
        "floor jobs={jobs} files={} skipped={skipped} cells={cells} wall_ms={:.1}",
        paths.len(),
        wall.as_secs_f64() * 1000.0
    );
    Ok(())
}

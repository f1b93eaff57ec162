//! `stages DIR`: converts every file in DIR on one thread, timing file
//! reading and each pipeline stage separately, and prints the share of each.

use std::time::{Duration, Instant};

use anyhow::bail;
use tongbao_bench::stages::{StageTimes, time_stages};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        bail!("usage: stages DIR");
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let mut totals = StageTimes::default();
    let mut io = Duration::ZERO;
    let (mut input_bytes, mut json_bytes, mut failed) = (0usize, 0usize, 0usize);
    for path in &paths {
        let started = Instant::now();
        let bytes = std::fs::read(path)?;
        io += started.elapsed();
        input_bytes += bytes.len();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        match time_stages(&name, &bytes) {
            Ok((times, json_len)) => {
                totals += times;
                json_bytes += json_len;
            }
            Err(error) => {
                failed += 1;
                eprintln!("error: {error}");
            }
        }
    }
    let total = totals.total() + io;
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!(
        "{} files ({failed} failed), {:.1} MB in, {:.1} MB JSON out, one thread, {:.0} ms in all",
        paths.len(),
        input_bytes as f64 / 1e6,
        json_bytes as f64 / 1e6,
        ms(total)
    );
    println!("| stage | total ms | ms per file | share |");
    println!("|---|---:|---:|---:|");
    let per_file = paths.len().max(1) as f64;
    for (name, time) in std::iter::once(("file i/o", io)).chain(totals.named()) {
        println!(
            "| {name} | {:.1} | {:.3} | {:.1}% |",
            ms(time),
            ms(time) / per_file,
            100.0 * time.as_secs_f64() / total.as_secs_f64().max(f64::MIN_POSITIVE)
        );
    }
    Ok(())
}

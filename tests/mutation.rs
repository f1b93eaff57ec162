//! Mutation test: thousands of damaged variants of every fixture go through
//! the full pipeline (`tongbao::convert_bytes`); each must end in `Ok` or a
//! typed error, without a panic, within a time bound.
//!
//! The run is deterministic. `TONGBAO_MUTATIONS=<count>` sets how many cases
//! run (default 2000) and `TONGBAO_MUTATION_SEED=<n>` starts another
//! sequence; a failure names the seed and case so it can be replayed.

mod support;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use support::{Entry, offsets};

const DEFAULT_CASES: usize = 2000;
const DEFAULT_SEED: u64 = 0x746f_6e67_6261_6f21;
/// The generated samples, last in the corpus.
const GENERATED_SAMPLES: usize = 2;
/// One case in this many damages a real fixture.
const FIXTURE_SHARE_DENOMINATOR: usize = 8;
/// Longest one case may take. Debug builds on a busy two-core machine are
/// slow, so this is generous; a hang or a quadratic blow-up is far above it.
const TIME_BOUND: Duration = Duration::from_secs(2);

/// Seeded picks on fastrand's generator: the same seed gives the same cases.
struct Rng(fastrand::Rng);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.u64(..)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        self.0.usize(..bound.max(1))
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Sample {
    name: String,
    bytes: Vec<u8>,
    /// The zip entries, when the sample is a zip package.
    entries: Option<Vec<Entry>>,
}

impl Sample {
    fn new(name: String, bytes: Vec<u8>) -> Sample {
        let entries = bytes
            .starts_with(b"PK\x03\x04")
            .then(|| support::entries(&bytes));
        Sample {
            name,
            bytes,
            entries,
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {value:?}")),
    )
}

/// Every fixture document, and two generated bulletins whose parts are stored
/// uncompressed so that damage lands in the XML itself.
fn corpus() -> Vec<Sample> {
    let mut samples = Vec::new();
    let root = support::fixture_path("");
    for folder in [root.clone(), root.join("quirks"), root.join("layouts")] {
        let Ok(listing) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut paths: Vec<_> = listing.map(|entry| entry.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["docx", "xlsx", "xls"].contains(&extension) {
                let name = path
                    .strip_prefix(&root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                samples.push(Sample::new(name, std::fs::read(&path).unwrap()));
            }
        }
    }
    samples.push(Sample::new(
        "generated.docx".to_owned(),
        support::bulletin_docx(),
    ));
    samples.push(Sample::new(
        "generated.xlsx".to_owned(),
        support::bulletin_xlsx(),
    ));
    samples
}

/// Most cases damage the small generated samples, which convert in about a
/// millisecond; the rest damage the real fixtures, which take tens of
/// milliseconds each in a debug build.
fn pick_sample<'a>(corpus: &'a [Sample], rng: &mut Rng) -> &'a Sample {
    let (fixtures, generated) = corpus.split_at(corpus.len() - GENERATED_SAMPLES);
    if rng.below(FIXTURE_SHARE_DENOMINATOR) == 0 {
        rng.pick(fixtures)
    } else {
        rng.pick(generated)
    }
}

/// Markup fragments that make plausible-looking damage inside XML.
const XML_GARBAGE: [&[u8]; 12] = [
    b"<",
    b"</w:tc>",
    b"<w:tr>",
    b"<w:tc><w:p>",
    b"&",
    b"&#0;",
    b"&#xFFFFFFFF;",
    b"<!DOCTYPE x>",
    b"\xFF\xFE\x00",
    b"<c r=\"XFD1048576\"><v>1</v></c>",
    b"<row r=\"4294967295\">",
    b"<mergeCell ref=\"A1:XFD1048576\"/>",
];

/// One damaged variant of `sample`, and what was done to it.
fn mutate(sample: &Sample, rng: &mut Rng) -> (Vec<u8>, String) {
    let bytes = &sample.bytes;
    let kinds = if sample.entries.is_some() { 9 } else { 3 };
    match rng.below(kinds) {
        0 => {
            let cut = rng.below(bytes.len());
            (bytes[..cut].to_vec(), format!("truncated to {cut} bytes"))
        }
        1 => {
            let mut damaged = bytes.clone();
            let flips = 1 + rng.below(8);
            for _ in 0..flips {
                let at = rng.below(damaged.len());
                damaged[at] ^= 1 << rng.below(8);
            }
            (damaged, format!("{flips} bit flips"))
        }
        2 => {
            let mut damaged = bytes.clone();
            let at = rng.below(damaged.len());
            let len = 1 + rng.below(64);
            let end = (at + len).min(damaged.len());
            for byte in &mut damaged[at..end] {
                *byte = rng.next() as u8;
            }
            (damaged, format!("bytes {at}..{end} overwritten"))
        }
        kind => mutate_entries(sample.entries.as_deref().unwrap_or_default(), kind, rng),
    }
}

fn mutate_entries(entries: &[Entry], kind: usize, rng: &mut Rng) -> (Vec<u8>, String) {
    let mut entries = entries.to_vec();
    let index = rng.below(entries.len());
    let name = entries[index].name.clone();
    match kind {
        3 => {
            let entry = &mut entries[index];
            let at = rng.below(entry.data.len());
            if let Some(byte) = entry.data.get_mut(at) {
                *byte ^= 1 << rng.below(8);
            }
            (support::zip(&entries), format!("{name}: byte {at} damaged"))
        }
        4 => {
            entries.remove(index);
            (support::zip(&entries), format!("{name} deleted"))
        }
        5 => {
            let random = rng.next() as u32;
            let size = *rng.pick(&[0, 1, 100, u32::MAX, random]);
            entries[index].size = size;
            (
                support::zip(&entries),
                format!("{name}: declared size {size}"),
            )
        }
        6 => {
            let mut built = support::build(&entries);
            let value = rng.next() as u32 % 0x1_0000;
            let (field, at) = *rng.pick(&[
                ("local size", built.local_at[index] + offsets::LOCAL_SIZE),
                (
                    "local compressed size",
                    built.local_at[index] + offsets::LOCAL_COMPRESSED_SIZE,
                ),
                ("local crc", built.local_at[index] + offsets::LOCAL_CRC),
                (
                    "local method",
                    built.local_at[index] + offsets::LOCAL_METHOD,
                ),
                (
                    "central compressed size",
                    built.central_at[index] + offsets::CENTRAL_COMPRESSED_SIZE,
                ),
                (
                    "central method",
                    built.central_at[index] + offsets::CENTRAL_METHOD,
                ),
                (
                    "central local offset",
                    built.central_at[index] + offsets::CENTRAL_LOCAL_OFFSET,
                ),
            ]);
            built.patch_u32(at, value);
            (built.bytes, format!("{name}: {field} set to {value}"))
        }
        7 => {
            // Replace the part with stored garbage (valid CRC): the reader
            // must cope with whatever XML, or non-XML, a part holds.
            let len = rng.below(4096);
            let garbage: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            entries[index] = Entry::stored(&name, &garbage);
            (
                support::zip(&entries),
                format!("{name}: {len} bytes of garbage"),
            )
        }
        _ => mutate_stored_xml(entries, rng),
    }
}

/// Damages the XML of a stored main part (document or sheet) and re-stores it
/// with a correct CRC, so that only the XML reader sees the damage.
fn mutate_stored_xml(mut entries: Vec<Entry>, rng: &mut Rng) -> (Vec<u8>, String) {
    let Some(entry) = entries.iter_mut().find(|entry| {
        entry.method == support::STORED
            && (entry.name == "word/document.xml" || entry.name.starts_with("xl/worksheets/"))
    }) else {
        return (
            support::zip(&entries),
            "unchanged (no stored main part)".to_owned(),
        );
    };
    let xml = entry.data.clone();
    let at = rng.below(xml.len());
    let (damaged, what) = match rng.below(4) {
        0 => (xml[..at].to_vec(), format!("cut at byte {at}")),
        1 => {
            let garbage = *rng.pick(&XML_GARBAGE);
            let damaged = [&xml[..at], garbage, &xml[at..]].concat();
            (
                damaged,
                format!("{:?} inserted at {at}", String::from_utf8_lossy(garbage)),
            )
        }
        2 => {
            let end = (at + rng.below(200)).min(xml.len());
            (
                [&xml[..at], &xml[end..]].concat(),
                format!("bytes {at}..{end} removed"),
            )
        }
        _ => {
            let end = (at + rng.below(400)).min(xml.len());
            let copies = 1 + rng.below(50);
            let repeated = xml[at..end].repeat(copies);
            let damaged = [&xml[..end], &repeated, &xml[end..]].concat();
            (
                damaged,
                format!("bytes {at}..{end} repeated {copies} times"),
            )
        }
    };
    let name = entry.name.clone();
    *entry = Entry::stored(&name, &damaged);
    (support::zip(&entries), format!("{name}: {what}"))
}

#[test]
fn mutations_end_in_ok_or_a_typed_error_without_panic_or_hang() {
    let cases = env_number("TONGBAO_MUTATIONS").map_or(DEFAULT_CASES, |n| n as usize);
    let seed = env_number("TONGBAO_MUTATION_SEED").unwrap_or(DEFAULT_SEED);
    let corpus = corpus();
    assert!(
        corpus.len() >= 5,
        "fixtures missing: {} samples",
        corpus.len()
    );
    let options = tongbao::Options::default();
    let next_case = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let slowest = Mutex::new((Duration::ZERO, String::new()));
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let case = next_case.fetch_add(1, Ordering::Relaxed);
                    if case >= cases {
                        return;
                    }
                    let mut rng = Rng(fastrand::Rng::with_seed(
                        seed ^ (case as u64).wrapping_mul(0xA24B_AED4_963E_E407),
                    ));
                    let sample = pick_sample(&corpus, &mut rng);
                    let (bytes, what) = mutate(sample, &mut rng);
                    let label = format!("seed {seed} case {case}: {} ({what})", sample.name);
                    let file_name = Path::new(&sample.name)
                        .file_name()
                        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
                    let started = Instant::now();
                    let outcome = catch_unwind(AssertUnwindSafe(|| {
                        tongbao::convert_bytes(&file_name, &bytes, &options)
                    }));
                    let elapsed = started.elapsed();
                    let failure = match outcome {
                        Err(_) => Some(format!("panic: {label}")),
                        Ok(_) if elapsed > TIME_BOUND => Some(format!("took {elapsed:?}: {label}")),
                        Ok(Err(error)) if !error.to_string().starts_with(&file_name) => {
                            Some(format!("error does not name the file ({error}): {label}"))
                        }
                        Ok(_) => None,
                    };
                    if let Some(failure) = failure {
                        failures.lock().unwrap().push(failure);
                    }
                    let mut slowest = slowest.lock().unwrap();
                    if elapsed > slowest.0 {
                        *slowest = (elapsed, label);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let (slowest_time, slowest_case) = slowest.into_inner().unwrap();
    eprintln!(
        "{cases} cases over {} samples; slowest {slowest_time:?}: {slowest_case}",
        corpus.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

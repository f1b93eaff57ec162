//! Micro-benchmarks on the August 2019 fixture: each stage alone.
//! `cargo bench -p tongbao-bench` (kept small: 20 samples, 2 s each).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use tongbao_model::{ReadLimits, Source};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn stages(c: &mut Criterion) {
    let limits = ReadLimits::default();
    for name in [
        "bulletin-2019-08.docx",
        "bulletin-2019-08.xlsx",
        "bulletin-2019-08.xls",
    ] {
        let bytes = fixture(name);
        c.bench_function(&format!("read {name}"), |b| {
            b.iter(|| tongbao_read::read_bytes(name, black_box(&bytes), &limits).unwrap())
        });
    }

    let name = "bulletin-2019-08.docx";
    let output = tongbao_read::read_bytes(name, &fixture(name), &limits).unwrap();
    let source = Source {
        file: name.to_owned(),
        format: output.format,
        sha256: output.sha256.clone(),
        sheet: None,
        created: None,
        modified: None,
    };
    c.bench_function("parse docx", |b| {
        b.iter(|| tongbao_parse::parse(black_box(&output.document), source.clone()).unwrap())
    });

    let parsed = tongbao_parse::parse(&output.document, source).unwrap();
    let options = tongbao_normalize::Options::default();
    c.bench_function("normalize docx", |b| {
        b.iter_batched_ref(
            || parsed.clone(),
            |bulletin| tongbao_normalize::normalize(bulletin, &options),
            criterion::BatchSize::SmallInput,
        )
    });

    let mut normalized = parsed;
    tongbao_normalize::normalize(&mut normalized, &options);
    c.bench_function("export json docx", |b| {
        b.iter(|| tongbao_export::to_json(black_box(&normalized)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);

//! A stable-toolchain fuzzer for jixiao's readers and jobs (issue 10): a seeded mutation loop,
//! no extra crates. `scripts/fuzz.sh` builds and runs it in bounded chunks under `nice`, with a
//! memory ceiling; README "Fuzzing" has the figures.
//!
//! ```text
//! fuzz TARGET ITERATIONS SEED_DIR OUT_DIR [RNG_SEED]
//! TARGET: xlsx | xls | ods | json | csv | model
//! ```
//!
//! Every iteration mutates one seed and feeds it to the target. A panic is caught and its input
//! saved as `OUT_DIR/crash-TARGET-N.bin`; the input of the running iteration is always in
//! `OUT_DIR/current-TARGET.bin`, so an abort (out of memory under the script's ceiling) or a
//! hang (the watchdog aborts after 30 s) leaves it behind. The last line printed is the count of
//! iterations run and of crashes.

use jixiao::model::Document;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, so a run can be repeated from its RNG seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Text that tends to break readers: far cells, huge and odd numbers, error values, formulas,
/// dates that do not exist, the forms' own labels.
const TOKENS: &[&str] = &[
    "XFD1048576",
    "A1048576",
    "ZZ99",
    "1e308",
    "-1e308",
    "79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "NaN",
    "inf",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "=SUM(A1:A9)",
    "<f>SUM(H7:H9)</f>",
    "t=\"e\"",
    "t=\"s\"",
    "t=\"str\"",
    "t=\"b\"",
    "t=\"n\"",
    "t=\"d\"",
    "2026-02-30",
    "1,2,3",
    "≥abc(%)",
    "≥300.00(天",
    "-",
    "——",
    "100%",
    "万元",
    "元",
    "\u{0}",
    "财政项目支出绩效目标申报表",
    "财政项目支出绩效自评表",
    "年度资金申请总额",
    "一级指标",
    "指标值",
    "<mergeCell ref=\"A1:XFD1048576\"/>",
    "<row r=\"4294967295\">",
    "r=\"A0\"",
    "s=\"99999\"",
    "\"",
    ",",
    "\r\n",
    "\n",
    "null",
    "true",
    "[]",
    "{}",
    "-0",
    "9999999999999999999999",
    "\"schema_version\": 99",
    "\"kind\": \"self_evaluation\"",
    "\"number\": \"1e400\"",
];

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>, pool: &[Vec<u8>]) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = data.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                data.drain(a..b);
            }
            3 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                let chunk: Vec<u8> = data[a..b].to_vec();
                let at = rng.below(len);
                let most = if rng.chance(5) { 2000 } else { 4 };
                let times = 1 + rng.below(most);
                let repeated = chunk.repeat(times);
                data.splice(at..at, repeated);
            }
            4 | 5 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                if rng.chance(50) && len > 0 {
                    let end = (at + 1 + rng.below(12)).min(len);
                    data.splice(at..end, t.iter().copied());
                } else {
                    data.splice(at..at, t.iter().copied());
                }
            }
            6 if len > 0 => {
                // Replace a run of digits by another number.
                let i = rng.below(len);
                if data[i].is_ascii_digit() {
                    let mut j = i;
                    while j < len && data[j].is_ascii_digit() {
                        j += 1;
                    }
                    let n = match rng.below(4) {
                        0 => "0".to_string(),
                        1 => u64::MAX.to_string(),
                        2 => format!("{}", rng.next() % 2_000_000),
                        _ => "1048576".to_string(),
                    };
                    data.splice(i..j, n.bytes());
                }
            }
            7 if !pool.is_empty() => {
                // Splice in a piece of another seed.
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() && len > 0 {
                    let a = rng.below(other.len());
                    let b = (a + 1 + rng.below(256)).min(other.len());
                    let at = rng.below(len);
                    data.splice(at..at, other[a..b].iter().copied());
                }
            }
            _ if len > 1 => data.truncate(rng.below(len)),
            _ => {}
        }
    }
}

/// A zip's parts, or `None` when the bytes are no zip.
fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).ok()?;
        let mut v = Vec::new();
        f.read_to_end(&mut v).ok()?;
        parts.push((f.name().ok()?.to_string(), v));
    }
    Some(parts)
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        if w.start_file(name.as_str(), opts).is_err() || w.write_all(bytes).is_err() {
            break;
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Mutates the text inside a zip (xlsx, ods) most of the time, its raw bytes otherwise.
fn mutate_zip(rng: &mut Rng, seed: &[u8], pool: &[Vec<u8>]) -> Vec<u8> {
    if rng.chance(85)
        && let Some(mut parts) = unzip(seed)
    {
        let xml: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].0.ends_with(".xml"))
            .collect();
        let picks = 1 + rng.below(2);
        for _ in 0..picks {
            if xml.is_empty() {
                break;
            }
            // Sheets and content most often: that is where the cells are.
            let i = if rng.chance(70) {
                xml.iter()
                    .copied()
                    .find(|&i| {
                        let n = &parts[i].0;
                        n.contains("worksheets/sheet") || n == "content.xml"
                    })
                    .unwrap_or(xml[0])
            } else {
                xml[rng.below(xml.len())]
            };
            mutate_bytes(rng, &mut parts[i].1, pool);
        }
        if rng.chance(3) {
            let i = rng.below(parts.len());
            parts.remove(i);
        }
        return rezip(&parts);
    }
    let mut data = seed.to_vec();
    mutate_bytes(rng, &mut data, pool);
    data
}

/// Decimal texts that stress arithmetic: the largest and smallest decimals, signs, scales.
const DECIMALS: &[&str] = &[
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "0",
    "-0",
    "0.00",
    "100",
    "100.00",
    "10",
    "-10",
    "99999999999999999999.99",
    "1E+20",
    "1e-30",
    "12.345678901234567890",
];

/// Mutates a JSON model as a tree: leaves become extreme decimals or odd text, arrays grow,
/// shrink or repeat — arbitrary models for check, score and diff.
fn mutate_model(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(seed) else {
        return seed.to_vec();
    };
    let edits = 1 + rng.below(12);
    for _ in 0..edits {
        mutate_value(rng, &mut v, 0);
    }
    serde_json::to_vec(&v).unwrap_or_default()
}

fn mutate_value(rng: &mut Rng, v: &mut serde_json::Value, depth: usize) {
    use serde_json::Value;
    match v {
        Value::Object(map) if !map.is_empty() && depth < 12 && !rng.chance(8) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let k = &keys[rng.below(keys.len())];
            if rng.chance(3) {
                map.remove(k);
            } else if let Some(child) = map.get_mut(k) {
                mutate_value(rng, child, depth + 1);
            }
        }
        Value::Array(items) if !items.is_empty() && depth < 12 && !rng.chance(8) => {
            let i = rng.below(items.len());
            match rng.below(10) {
                0 => {
                    items.remove(i);
                }
                1 => {
                    let copy = items[i].clone();
                    let most = if rng.chance(10) { 500 } else { 3 };
                    let times = 1 + rng.below(most);
                    for _ in 0..times {
                        items.push(copy.clone());
                    }
                }
                _ => mutate_value(rng, &mut items[i], depth + 1),
            }
        }
        _ => {
            *v = match rng.below(6) {
                0 | 1 => Value::String(DECIMALS[rng.below(DECIMALS.len())].to_string()),
                2 => Value::String(TOKENS[rng.below(TOKENS.len())].to_string()),
                3 => Value::Null,
                4 => serde_json::json!(rng.next() as i64),
                _ => serde_json::json!({"raw": TOKENS[rng.below(TOKENS.len())], "kind": "定量",
                    "op": "≥", "number": DECIMALS[rng.below(DECIMALS.len())], "unit": "%"}),
            };
        }
    }
}

/// One run of the target on `data`.
fn run_target(target: &str, data: &[u8]) {
    match target {
        "xlsx" | "xls" | "ods" => {
            let name = format!("fuzz.{target}");
            if let Ok(read) = jixiao::read::read_bytes(data, &name) {
                exercise(Document::new(read.value));
            }
        }
        "json" | "model" => {
            if let Ok(doc) = jixiao::read::read_json_bytes(data, "fuzz.json") {
                exercise(doc);
            }
        }
        "csv" => {
            // The seed is the tables joined by a form feed, in TABLE_FILES order.
            let tables: Vec<(String, Vec<u8>)> = data
                .split(|&b| b == 0x0c)
                .zip(jixiao::layout::flat::TABLE_FILES)
                .map(|(bytes, name)| (name.to_string(), bytes.to_vec()))
                .collect();
            if let Ok(read) = jixiao::read::flat::read_tables("fuzz", &tables) {
                exercise(Document::new(read.value));
            }
        }
        other => panic!("unknown target {other}"),
    }
}

/// What a read model goes through after reading: check, score, diff, and (one iteration in
/// 32, for speed) every writer.
fn exercise(doc: Document) {
    if std::env::var_os("FUZZ_READ_ONLY").is_some() {
        return;
    }
    let _ = jixiao::check::check_document(&doc, &jixiao::check::Options::default());
    let mut scored = doc.clone();
    let _ = jixiao::jobs::score_document(&mut scored, &Default::default(), true);
    let _ = jixiao::diff::diff(&doc, &scored);
    if !WRITES.fetch_add(1, Ordering::Relaxed).is_multiple_of(32) {
        return;
    }
    for to in [
        jixiao::formats::OutputFormat::Json,
        jixiao::formats::OutputFormat::Xlsx,
        jixiao::formats::OutputFormat::Csv,
    ] {
        let _ = jixiao::write::to_bytes(&scored, to, "out");
    }
    // Each form in its own layout, a provincial form in the grid its JSON carries.
    let _ = jixiao::write::xlsx_bytes_in(&scored, jixiao::write::LayoutChoice::Source);
}

fn seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

static STARTED_MS: AtomicU64 = AtomicU64::new(0);
static WRITES: AtomicU64 = AtomicU64::new(0);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: fuzz TARGET ITERATIONS SEED_DIR OUT_DIR [RNG_SEED]");
        std::process::exit(2);
    }
    let target = args[1].clone();
    let iterations: u64 = args[2].parse().expect("ITERATIONS");
    let pool = seeds(Path::new(&args[3]));
    assert!(!pool.is_empty(), "no seeds in {}", args[3]);
    let out = PathBuf::from(&args[4]);
    std::fs::create_dir_all(&out).expect("OUT_DIR");
    let mut rng = Rng(args
        .get(5)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15)
        | 1);
    let current = out.join(format!("current-{target}.bin"));
    // The library's own panic hook reports contained parser panics; ours stays quiet for the
    // panics we catch and count.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(std::io::stderr(), "panic: {info}");
    }));
    let epoch = Instant::now();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let started = STARTED_MS.load(Ordering::Relaxed);
            let now = epoch.elapsed().as_millis() as u64;
            if started != 0 && now.saturating_sub(started) > 30_000 {
                eprintln!("hang: one iteration ran over 30 s; its input is current-*.bin");
                std::process::abort();
            }
        }
    });
    let mut crashes = 0u64;
    for n in 0..iterations {
        let seed = &pool[rng.below(pool.len())];
        let data = match target.as_str() {
            "xlsx" | "ods" => mutate_zip(&mut rng, seed, &pool),
            "model" => mutate_model(&mut rng, seed),
            _ => {
                let mut d = seed.clone();
                mutate_bytes(&mut rng, &mut d, &pool);
                d
            }
        };
        let _ = std::fs::write(&current, &data);
        STARTED_MS.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let result = std::panic::catch_unwind(|| run_target(&target, &data));
        STARTED_MS.store(0, Ordering::Relaxed);
        if result.is_err() {
            crashes += 1;
            let path = out.join(format!("crash-{target}-{n}.bin"));
            let _ = std::fs::write(&path, &data);
            eprintln!("crash saved: {}", path.display());
        }
    }
    println!("{target}: {iterations} iterations, {crashes} crashes");
}

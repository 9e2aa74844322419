fn main() {
    let t = std::time::Instant::now();
    let _ = briefing::resources::BOILERPLATE_PATTERNS.line.len();
    eprintln!("boilerplate {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let _ = briefing::resources::DATELINE_PATTERNS.prefix.len();
    eprintln!("datelines {:?}", t.elapsed());
}

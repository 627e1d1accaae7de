//! Deterministic article generator for benchmarks (no I/O, no randomness from outside).

/// A small xorshift generator, so every run produces the same text.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Northport",
    "Valmere",
    "the river valley",
    "the capital",
    "Eastfield",
    "the coastal province",
    "Drummond County",
];
const PEOPLE: &[&str] = &[
    "Interior Minister Clara Voss",
    "Mayor Tomas Reid",
    "police spokeswoman Dana Okafor",
    "Governor Ellen Marsh",
    "the regional health ministry",
    "the fire department",
    "Red Cross official Amir Haddad",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "March",
    "April",
    "June",
    "July",
    "September",
    "October",
    "November",
];
const NOUNS: &[&str] = &[
    "people",
    "residents",
    "civilians",
    "workers",
    "students",
    "passengers",
];
const VERBS: &[&str] = &[
    "killed",
    "injured",
    "displaced",
    "evacuated",
    "arrested",
    "rescued",
];

const SUBJECTS: &[&str] = &[
    "The committee",
    "Residents of the old quarter",
    "Local businesses",
    "The opposition party",
    "Emergency crews",
    "Farmers in the region",
    "The regional council",
    "Aid groups",
    "Engineers",
    "Teachers and parents",
];
const PREDICATES: &[&str] = &[
    "have called for an independent review of how the warnings were handled",
    "say the response was slow and poorly coordinated",
    "are still waiting for the promised compensation to arrive",
    "met behind closed doors to discuss the next steps",
    "warned that the damage to roads and bridges could take months to repair",
    "described scenes of confusion as water rose through the streets",
    "questioned whether the new rules would be enforced",
    "urged the government to publish the full report",
];
const TAILS: &[&str] = &[
    "Critics argue that the plan does little to address the underlying problems.",
    "The debate is likely to shape the campaign ahead of the vote.",
    "Many families have moved in with relatives while their homes are repaired.",
    "Volunteers from neighbouring towns joined the clean-up effort.",
    "The ministry has promised a detailed response in the coming weeks.",
    "Questions remain about who approved the original design.",
];

/// A paragraph of plain reporting prose with no dates or figures.
fn prose(rng: &mut Rng) -> String {
    format!(
        "{} {}. {} {}, and {} {}. {}",
        rng.pick(SUBJECTS),
        rng.pick(PREDICATES),
        rng.pick(SUBJECTS),
        rng.pick(PREDICATES),
        rng.pick(SUBJECTS).to_lowercase(),
        rng.pick(PREDICATES),
        rng.pick(TAILS)
    )
}

/// One generated article of about `words` words, with a dateline.
pub fn article(rng: &mut Rng, words: usize) -> String {
    let mut s = format!(
        " date 20{:02}-{:02}-{:02} ",
        15 + rng.below(9),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let mut n = 0;
    while n < words {
        let para = match rng.below(16) {
            6..=15 => prose(rng),
            0 => format!(
                "At least {} {} were {} in {} on {}, {} said. The figure was confirmed on {} {}.",
                1 + rng.below(900),
                rng.pick(NOUNS),
                rng.pick(VERBS),
                rng.pick(PLACES),
                rng.pick(WEEKDAYS),
                rng.pick(PEOPLE),
                rng.pick(MONTHS),
                1 + rng.below(28)
            ),
            1 => format!(
                "\"We will rebuild {} by {} {},\" {} told reporters at noon local time, adding that about {} million dollars had been set aside.",
                rng.pick(PLACES),
                rng.pick(MONTHS),
                2000 + rng.below(30),
                rng.pick(PEOPLE),
                1 + rng.below(40)
            ),
            2 => format!(
                "Since {} {}, more than {},{:03} {} have left {}, according to {}. Officials expect the count to rise by {}% next week.",
                rng.pick(MONTHS),
                1 + rng.below(28),
                1 + rng.below(90),
                rng.below(1000),
                rng.pick(NOUNS),
                rng.pick(PLACES),
                rng.pick(PEOPLE),
                1 + rng.below(30)
            ),
            3 => "Rescue work continued through the night as crews searched the damaged buildings, and volunteers handed out water, blankets and food to families waiting outside the shelters.".to_string(),
            4 => format!("The council, which was founded in {}, will meet again on {} at 4 p.m. ET to discuss the budget for the coming year.", 1950 + rng.below(70), rng.pick(WEEKDAYS)),
            _ => format!("Damage assessment\n\nIn {}, the storm was the worst since {}, when {} {} were {} over two days.", rng.pick(PLACES), 1980 + rng.below(40), 10 + rng.below(300), rng.pick(NOUNS), rng.pick(VERBS)),
        };
        n += para.split_whitespace().count();
        s.push_str(&para);
        s.push_str("\n\n");
    }
    s
}

/// Articles totalling at least `bytes` bytes, each about `words` words.
pub fn corpus(seed: u64, bytes: usize, words: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng, words);
        total += a.len();
        out.push(a);
    }
    out
}

//! README.md's rule sections are generated from each rule's documentation in code
//! (`copydesk rules --markdown`). This test fails when they differ; run it with
//! `UPDATE_README=1` to rewrite the section.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
/// The section runs from the first rule heading to the next `## ` heading.
const FIRST: &str = "### date-invalid-header\n";
const NEXT: &str = "\n## Configuration, suppressions and CI";

#[test]
fn readme_rule_sections_are_the_generated_ones() {
    let out = Command::new(BIN)
        .args(["rules", "--markdown"])
        .output()
        .expect("run copydesk rules --markdown");
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(FIRST)
        .expect("the first rule heading in README.md");
    let end = start
        + readme[start..]
            .find(NEXT)
            .expect("the section after the rules");
    // the generated text ends with a blank line, as the section does before the next heading
    let current = &readme[start..=end];
    if current == generated {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], generated, &readme[end + 1..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    let first_diff = current
        .lines()
        .zip(generated.lines())
        .find(|(a, b)| a != b)
        .map(|(a, b)| format!("README:    {a}\ngenerated: {b}"))
        .unwrap_or_else(|| "(one is longer)".to_string());
    panic!(
        "README.md's rule sections differ from `copydesk rules --markdown` (run with UPDATE_README=1 to rewrite them):\n{first_diff}"
    );
}

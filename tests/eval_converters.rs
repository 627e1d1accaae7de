//! The converters that turn public collections into copydesk articles for `scripts/eval`
//! (`scripts/reuters`, `scripts/ecbplus`, `scripts/basil`, `scripts/duc2004`, `scripts/duc5`, `scripts/ecbdated`), run on invented miniatures of
//! their formats.
//! Skipped with a message when `python3` is absent.

use std::path::Path;
use std::process::Command;

fn python() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: python3 not found");
    }
    ok.then_some("python3")
}

fn run(py: &str, script: &str, src: &Path, out: &Path) -> String {
    let o = Command::new(py)
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scripts")
                .join(script),
        )
        .arg(src)
        .arg(out)
        .output()
        .expect("run the converter");
    assert!(
        o.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every converted file under `out`, by name (whichever half it went to).
fn converted(out: &Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    for half in ["dev", "unseen"] {
        let Ok(dir) = std::fs::read_dir(out.join(half)) else {
            continue;
        };
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("read converted file");
            files.push((half.to_string(), name, text));
        }
    }
    files.sort();
    files
}

const WIRE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">
<REUTERS TOPICS=\"YES\" NEWID=\"7\">
<DATE> 4-MAR-1987 10:11:12.13</DATE>
<TEXT>&#2;
<TITLE>KESTREL MILLS &lt;KML&gt; RAISES
OUTPUT</TITLE>
<DATELINE>    ASHBY, March 4 - </DATELINE><BODY>Kestrel Mills Inc said it
raised output by 12 pct in February.
    The company said orders rose.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS=\"NO\" NEWID=\"8\">
<DATE> 4-MAR-1987 10:12:00.00</DATE>
<TEXT TYPE=\"BRIEF\">&#2;
<TITLE>NO BODY HERE</TITLE>
</TEXT>
</REUTERS>
";

#[test]
fn reuters_stories_get_their_wire_date_and_joined_paragraphs() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("sgm");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(src.join("reut2-000.sgm"), WIRE).expect("write");
    std::fs::write(src.join("notes.txt"), "not a collection file").expect("write");
    let out = dir.path().join("out");
    let said = run(py, "reuters", &src, &out);
    assert!(said.contains("stories"), "{said}");
    let files = converted(&out);
    assert_eq!(
        files.len(),
        1,
        "the story without a body is left out: {files:?}"
    );
    let (_, name, text) = &files[0];
    assert_eq!(name, "r00007.txt");
    assert_eq!(
        text,
        " date 1987-03-04 KESTREL MILLS <KML> RAISES OUTPUT\n\nASHBY, March 4 - Kestrel Mills Inc said it \
         raised output by 12 pct in February.\n\nThe company said orders rose.\n"
    );
}

/// One invented ECB+ document: a web address, a headline, a publication-date line, two sentences.
fn ecb_doc(name: &str) -> String {
    let sentences: [&[&str]; 5] = [
        &["http", ":", "/", "/", "news", ".", "example", "/", "quake"],
        &["Quake", "shakes", "Fenmoor"],
        &[
            "Posted", "on", "Friday", ",", "14", "June", "2013", ",", "10", ":", "05", "am",
        ],
        &[
            "At",
            "least",
            "12",
            "people",
            "died",
            ",",
            "officials",
            "said",
            ".",
        ],
        &[
            "``", "It", "was", "long", ",", "''", "a", "resident", "said", "(", "quietly", ")", ".",
        ],
    ];
    let mut xml = format!("<Document doc_name=\"{name}\" doc_id=\"DOC1\">\n");
    let mut id = 1;
    for (s, words) in sentences.iter().enumerate() {
        for (n, w) in words.iter().enumerate() {
            xml.push_str(&format!(
                "<token t_id=\"{id}\" sentence=\"{s}\" number=\"{n}\">{w}</token>\n"
            ));
            id += 1;
        }
    }
    xml.push_str("<Markables></Markables>\n</Document>\n");
    xml
}

#[test]
fn ecbplus_documents_are_rejoined_and_put_on_one_day() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let topic = dir.path().join("ECB+").join("5");
    std::fs::create_dir_all(&topic).expect("mkdir");
    std::fs::write(topic.join("5_1ecb.xml"), ecb_doc("5_1ecb.xml")).expect("write");
    std::fs::write(topic.join("5_2ecbplus.xml"), ecb_doc("5_2ecbplus.xml")).expect("write");
    let out = dir.path().join("out");
    run(py, "ecbplus", &dir.path().join("ECB+"), &out);
    let files = converted(&out);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(files[0].0, files[1].0, "one topic goes to one half");
    let names: Vec<&str> = files.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(names, ["5_1ecb.txt", "5_2ecbplus.txt"]);
    assert_eq!(
        files[0].2,
        " date 2013-06-15 Quake shakes Fenmoor\n\nAt least 12 people died, officials said.\n\n\
         \"It was long,\" a resident said (quietly).\n"
    );
}

#[test]
fn ecbdated_documents_take_their_page_date_as_header() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let topic = dir.path().join("ECB+").join("5");
    std::fs::create_dir_all(&topic).expect("mkdir");
    std::fs::write(topic.join("5_2ecbplus.xml"), ecb_doc("5_2ecbplus.xml")).expect("write");
    // a weekday that does not fit the date: no readable publication date, the document is left out
    let wrong = ecb_doc("5_3ecbplus.xml").replace(">Friday<", ">Thursday<");
    std::fs::write(topic.join("5_3ecbplus.xml"), wrong).expect("write");
    // no date line at all: left out
    let undated = ecb_doc("5_4ecbplus.xml").replace(">2013<", ">soon<");
    std::fs::write(topic.join("5_4ecbplus.xml"), undated).expect("write");
    let out = dir.path().join("out");
    run(py, "ecbdated", &dir.path().join("ECB+"), &out);
    let files = converted(&out);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].1, "5_2ecbplus.txt");
    assert_eq!(
        files[0].2,
        " date 2013-06-14 Quake shakes Fenmoor\n\nAt least 12 people died, officials said.\n\n\
         \"It was long,\" a resident said (quietly).\n"
    );
}

/// An invented BASIL article: its date, URL and body paragraphs (lists of sentences).
fn basil_json(uuid: &str, date: &str, url: &str) -> String {
    format!(
        r#"{{"source": "gazette", "title": "Tessaly  council votes ", "url": "{url}", "date": "{date}",
  "uuid": "{uuid}", "body-paragraphs": [["The Tessaly council voted on Tuesday.", "Ondrej Halvik abstained."],
  ["The vote was  12 to 3."]]}}"#
    )
}

#[test]
fn basil_articles_keep_only_a_date_their_address_confirms() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let year = dir.path().join("basil").join("articles").join("2015");
    std::fs::create_dir_all(&year).expect("mkdir");
    let arts = [
        ("a1", "https://example.org/2015/03/10/tessaly-vote.html"),
        ("a2", "https://example.org/2015/03/11/tessaly-vote.html"),
        ("a3", "https://example.org/2015/03/14/tessaly-vote.html"),
        ("a4", "https://example.org/entry/tessaly-vote"),
    ];
    for (uuid, url) in arts {
        let json = basil_json(uuid, "2015-03-10", url);
        std::fs::write(year.join(format!("{uuid}_1.json")), json).expect("write");
    }
    let out = dir.path().join("out");
    let said = run(py, "basil", &dir.path().join("basil"), &out);
    assert!(said.contains("2 left out"), "{said}");
    let files = converted(&out);
    let mut names: Vec<&str> = files.iter().map(|(_, n, _)| n.as_str()).collect();
    names.sort_unstable();
    // the same day, or the next (a print edition's address); not three days on, not no day
    assert_eq!(
        names,
        ["20150310-gazette-a1.txt", "20150310-gazette-a2.txt"]
    );
    assert_eq!(
        files[0].2,
        " date 2015-03-10 Tessaly council votes\n\nThe Tessaly council voted on Tuesday. Ondrej \
         Halvik abstained.\n\nThe vote was 12 to 3.\n"
    );
}

#[test]
fn duc2004_sets_become_one_day_articles_with_their_story_beside_them() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    let story = docs.join("7");
    let other = docs.join("1007");
    std::fs::create_dir_all(&story).expect("mkdir");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(
        story.join("D1.txt"),
        "\nFENMOOR, Tessaly (AP) _ The Fenmoor bridge closed Tuesday after inspectors \nfound 12 \
         ``deep'' cracks. Gov. Ondrej Halvik agreed. Repairs take \nthree weeks.\n",
    )
    .expect("write");
    std::fs::write(
        story.join("D2.txt"),
        "\nThe Fenmoor bridge stays shut. Crews began work.\n",
    )
    .expect("write");
    std::fs::write(
        other.join("D1.txt"),
        "\nVelmar Corp cut 40 jobs. Its shares fell.\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    let said = run(py, "duc2004", &docs, &out);
    assert!(said.contains("articles"), "{said}");
    let files = converted(&out);
    let texts: Vec<&(String, String, String)> =
        files.iter().filter(|f| f.1.ends_with(".txt")).collect();
    let names: Vec<&str> = texts.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"d30007t_01.txt") && names.contains(&"d31007t_01.txt"));
    let first = texts
        .iter()
        .find(|f| f.1 == "d30007t_01.txt")
        .expect("first");
    let second = texts
        .iter()
        .find(|f| f.1 == "d30007t_02.txt")
        .expect("second");
    assert_eq!(first.0, second.0, "one story goes to one half");
    assert_eq!(
        first.2,
        " date 2013-06-15 FENMOOR, Tessaly (AP) - The Fenmoor bridge closed Tuesday after inspectors \
         found 12 \"deep\" cracks.\n\nGov. Ondrej Halvik agreed. Repairs take three weeks.\n"
    );
    // the gold grouping: each file's story
    let gold = std::fs::read_to_string(out.join(&first.0).join("gold.json")).expect("gold");
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("json");
    assert_eq!(gold["stories"]["d30007t_02.txt"], "d30007t");
}

#[test]
fn duc5_documents_keep_their_release_day_or_their_own_dateline_day() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    let set = docs.join("d200a");
    std::fs::create_dir_all(&set).expect("mkdir");
    // an AP document: paragraphs opened by a tab, AP's dash, the wire's quotes, an entity
    std::fs::write(
        set.join("APW19990304.0101"),
        "<DOC>\n<DOCNO> APW19990304.0101 </DOCNO>\n<DATE_TIME> 1999-04-03 10:00:00 </DATE_TIME>\n\
         <BODY>\n<HEADLINE>\nVelmar Corp opens a plant\n</HEADLINE>\n<TEXT>\n\t   FENMOOR, Tessaly (AP) _ \
         Velmar Corp\nopened a plant Thursday, ``a big day,'' said Ondrej Halvik.\n\t   It hired 40 \
         people &AMP; more.\n</TEXT>\n</BODY>\n</DOC>\n",
    )
    .expect("write");
    // a document whose opening dateline names the day before its release day
    std::fs::write(
        set.join("XIE19990305.0002"),
        "<DOC>\n<DOCNO> XIE19990305.0002 </DOCNO>\n<BODY>\n<HEADLINE> Bridge reopens </HEADLINE>\n\
         <TEXT>\n<P>\nFENMOOR, March 4 (Newswire) -- The bridge\nreopened today.\n</P>\n<P>\n\
         Traffic resumed.\n</P>\n</TEXT>\n</BODY>\n</DOC>\n",
    )
    .expect("write");
    // no body worth an article
    std::fs::write(
        set.join("NYT19990306.0003"),
        "<DOC>\n<DOCNO> NYT19990306.0003 </DOCNO>\n<TEXT>\n<P> One line. </P>\n</TEXT>\n</DOC>\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    let said = run(py, "duc5", &docs, &out);
    assert!(said.contains("articles"), "{said}");
    let files = converted(&out);
    let names: Vec<&str> = files.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        names,
        ["APW19990304.0101.txt", "XIE19990305.0002.txt"],
        "{files:?}"
    );
    assert_eq!(files[0].0, files[1].0, "one set goes to one half");
    assert_eq!(
        files[0].2,
        " date 1999-03-04 Velmar Corp opens a plant\n\nFENMOOR, Tessaly (AP) - Velmar Corp opened a \
         plant Thursday, \"a big day,\" said Ondrej Halvik.\n\nIt hired 40 people & more.\n"
    );
    assert!(
        files[1]
            .2
            .starts_with(" date 1999-03-04 Bridge reopens\n\nFENMOOR, March 4 (Newswire) -- "),
        "{}",
        files[1].2
    );
}

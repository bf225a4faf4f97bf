//! Exported chart images: the SVG carries the legend below the plot, the PNG has the asked size and its
//! text is drawn (the bundled font is registered), and a failed export leaves files alone.

use chrono::NaiveDate;
use resvg::tiny_skia::Pixmap;
use stride::science::charts::{ChartData, FormZone, day_x};
use stride::storage::chart_image::*;

fn demo() -> (ChartData, (f64, f64)) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    let data = ChartData::from_document(&doc, today);
    let race = data.race.as_ref().expect("race").x;
    (data, (day_x(today) - 42.0, race + 3.0))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("stride-chart-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The trimmed contents of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_owned())
        })
        .collect()
}

#[test]
fn the_svg_has_the_size_and_every_legend_entry() {
    let (data, range) = demo();
    let size = ImageSize {
        width: 900,
        height: 450,
    };
    let dir = temp_dir("svg");
    let path = dir.join("form.svg");
    export_fitness_chart(&data, range, size, &path).expect("export");
    let svg = std::fs::read_to_string(&path).expect("svg written");
    assert!(svg.contains(r#"width="900""#) && svg.contains(r#"height="450""#));
    let race = data.race.as_ref().expect("race");
    let form = race.form.expect("race ahead");
    let race_label = format!("{} (race-morning form {form:+.0})", race.name);
    let texts = texts(&svg);
    let zones = FormZone::ALL.map(FormZone::label);
    for entry in ["Fitness", "Fatigue", "Form", "Today", race_label.as_str()]
        .into_iter()
        .chain(zones)
    {
        assert!(texts.iter().any(|t| t == entry), "legend entry {entry}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_png_has_the_size_and_draws_text_with_the_bundled_font() {
    let (data, range) = demo();
    let size = ImageSize {
        width: 800,
        height: 400,
    };
    let dir = temp_dir("png");
    let path = dir.join("form.png");
    export_fitness_chart(&data, range, size, &path).expect("export");
    let png = Pixmap::load_png(&path).expect("a PNG");
    assert_eq!((png.width(), png.height()), (800, 400));

    // Text alone, in the generic family plotters writes: drawn only if a font was found.
    let text = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="sans-serif" font-size="24">Fitness</text></svg>"#;
    let pixmap = Pixmap::decode_png(&svg_to_png(text).expect("png")).expect("decode");
    let inked = pixmap.pixels().iter().filter(|p| p.red() < 128).count();
    assert!(
        inked > 100,
        "only {inked} dark pixels: the text did not render"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_export_with_nothing_to_draw_fails_and_leaves_the_old_file() {
    let (data, _) = demo();
    let dir = temp_dir("empty");
    let path = dir.join("form.svg");
    std::fs::write(&path, "earlier export").expect("write");
    let far_past = (
        day_x(NaiveDate::from_ymd_opt(1990, 1, 1).expect("date")),
        7305.0,
    );
    let err =
        export_fitness_chart(&data, far_past, ImageSize::default(), &path).expect_err("empty");
    assert!(matches!(err, ChartImageError::Empty), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "earlier export"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// The `y` of each `<text>` element with its trimmed contents.
fn text_heights(svg: &str) -> Vec<(String, f64)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let y = t.split(" y=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let body = &t[t.find('>')? + 1..];
            Some((body[..body.find("</text>")?].trim().to_owned(), y))
        })
        .collect()
}

#[test]
fn the_legend_sits_below_the_plot_and_covers_no_line() {
    let (data, range) = demo();
    let svg = fitness_chart_svg(&data, range, ImageSize::default()).expect("svg");
    // The lowest point of the lines (legend marks have two points) and of the form zones'
    // bands, which fill the plot from top to bottom.
    let line_bottom = svg
        .split("points=\"")
        .skip(1)
        .filter_map(|p| p.split('"').next())
        .filter(|points| points.split_whitespace().count() > 2)
        .flat_map(|points| points.split_whitespace())
        .filter_map(|xy| xy.split(',').nth(1)?.parse::<f64>().ok())
        .fold(f64::MIN, f64::max);
    let number = |rect: &str, name: &str| -> Option<f64> {
        rect.split(&format!(" {name}=\""))
            .nth(1)?
            .split('"')
            .next()?
            .parse()
            .ok()
    };
    let band_bottom = svg
        .split("<rect")
        .skip(1)
        .filter(|r| r.contains("opacity=\"0.15\""))
        .filter_map(|r| Some(number(r, "y")? + number(r, "height")?))
        .fold(f64::MIN, f64::max);
    assert!(
        line_bottom > 0.0 && band_bottom > 0.0,
        "lines and bands were found"
    );
    let lowest = line_bottom.max(band_bottom);
    let heights = text_heights(&svg);
    let entries = ["Fitness", "Fatigue", "Form", "Today"]
        .into_iter()
        .chain(FormZone::ALL.map(FormZone::label));
    for entry in entries {
        let (_, y) = heights
            .iter()
            .find(|(t, _)| t == entry)
            .unwrap_or_else(|| panic!("legend entry {entry}"));
        assert!(*y > lowest, "{entry} at {y}, the plot ends at {lowest}");
    }
    // The title is drawn once.
    assert_eq!(
        heights
            .iter()
            .filter(|(t, _)| t == "Fitness, fatigue and form")
            .count(),
        1
    );
}

#[test]
fn every_form_zone_has_its_own_colour() {
    use stride::science::charts::colors;
    for (i, a) in FormZone::ALL.iter().enumerate() {
        for b in &FormZone::ALL[i + 1..] {
            assert_ne!(colors::zone(*a), colors::zone(*b), "{a:?} and {b:?}");
        }
    }
}

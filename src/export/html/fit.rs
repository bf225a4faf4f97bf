//! How tall the printed weeks come out, estimated without a browser, so the page can choose
//! the type size that puts all the weeks of a plan on one landscape page.
//!
//! The estimate lays out each cell's text the way a browser wraps it: groups that never
//! split (a number with its unit, a pace after `@`) placed greedily on lines as wide as the
//! day's column. Characters are taken as wide as in the widest common sans-serif face
//! (DejaVu Sans, where Chromium on Linux falls back to), and the page as the narrower of A4
//! and Letter landscape (Letter, 279.4 mm) and the lower of the two (A4, 210 mm), so the
//! estimate errs towards a smaller type. The print test renders the page with Chromium
//! and counts the pages.

/// Page margin, mm (the style sheet's `@page` margin).
pub const MARGIN_MM: f64 = 8.0;
/// Width of the printed area, mm: Letter landscape, the narrower page.
pub const WIDTH_MM: f64 = 279.4 - 2.0 * MARGIN_MM;
/// Height of the printed area, mm: A4 landscape, the lower page.
pub const HEIGHT_MM: f64 = 210.0 - 2.0 * MARGIN_MM;
/// Share of the table's width for the week column.
pub const WEEK_SHARE: f64 = 0.065;
/// Share of the table's width for the volume column.
pub const VOLUME_SHARE: f64 = 0.055;
/// Type sizes the weeks may take, points, largest first: the first whose estimate fits is
/// used; a plan that fits none (a long one) breaks between weeks at the smallest.
pub const TYPE_SIZES_PT: [f64; 9] = [8.0, 7.6, 7.2, 7.0, 6.8, 6.6, 6.4, 6.2, 6.0];
/// Body text size in print, points (heading, key, notes).
pub const BODY_PT: f64 = 7.0;
/// Title size in print, points.
pub const TITLE_PT: f64 = 12.0;

/// Average width of a character in running text, em (for whole paragraphs); bold is wider
/// by [`BOLD`].
const CHAR_EM: f64 = 0.6;
const BOLD: f64 = 1.1;

/// Width of a character, em, in classes close to DejaVu Sans (Bitstream Vera's metrics:
/// a digit 1303/2048 em, a space 651, `i` 569, `m` 1995).
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '/' | '-' | '·' | 'i' | 'j' | 'l' | 'I' | '|' => 0.33,
        'f' | 't' | 'r' | '(' | ')' => 0.4,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.72,
        _ => 0.6,
    }
}

/// Width of a piece of text, em.
pub fn text_em(text: &str, bold: bool) -> f64 {
    text.chars().map(char_em).sum::<f64>() * if bold { BOLD } else { 1.0 }
}
/// Width of a space, em.
const SPACE_EM: f64 = 0.32;
/// Line height of a workout, em (the style sheet's `div.w` line height).
const LINE_EM: f64 = 1.15;
/// Line height of ordinary text, em.
const NORMAL_LINE_EM: f64 = 1.2;
/// A cell's padding and the workout's coloured bar across, em.
const CELL_ACROSS_EM: f64 = 0.25 * 2.0 + 0.3 + 0.35;
/// A cell's padding down, em, and a workout's margins.
const CELL_DOWN_EM: f64 = 0.2;
const WORKOUT_DOWN_EM: f64 = 0.1;
/// The week cell: its number and phase, then its dates in small type.
const WEEK_CELL_EM: f64 = NORMAL_LINE_EM + 0.83 * NORMAL_LINE_EM + CELL_DOWN_EM;
/// Space between paragraphs, em.
const PARAGRAPH_GAP_EM: f64 = 0.3;
/// Width of the box to tick with its margin, em.
pub const TICK_EM: f64 = 1.1;
/// One point in mm.
const PT_MM: f64 = 25.4 / 72.0;

/// One piece of a workout's text that a line never splits, by its width; or the box to
/// tick.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Text of this width, em ([`text_em`]).
    Text(f64),
    /// Text that follows the piece before it without a space (`:` after the kind).
    Joined(f64),
    /// The box to tick.
    Tick,
}

/// A workout in a cell: its pieces, and lines of its own after them (the goal's).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// What wraps.
    pub pieces: Vec<Piece>,
    /// Lines that follow on their own.
    pub extra_lines: usize,
}

/// Lines that `pieces` take in a column `width_em` wide, laid out greedily.
fn lines(pieces: &[Piece], width_em: f64) -> usize {
    let mut count = 1;
    let mut used = 0.0;
    for piece in pieces {
        let (w, space) = match piece {
            Piece::Text(w) => (*w, SPACE_EM),
            Piece::Joined(w) => (*w, 0.0),
            Piece::Tick => (TICK_EM, SPACE_EM),
        };
        if used > 0.0 && used + space + w > width_em {
            count += 1;
            used = w;
        } else {
            used += if used > 0.0 { space + w } else { w };
        }
    }
    count
}

/// Height of the weeks' table at `type_pt`, mm: `weeks` holds each week's days, each day
/// its workouts.
pub fn table_mm(weeks: &[Vec<Vec<Block>>], type_pt: f64) -> f64 {
    let em_mm = type_pt * PT_MM;
    let day_em = WIDTH_MM * (1.0 - WEEK_SHARE - VOLUME_SHARE) / 7.0 / em_mm - CELL_ACROSS_EM;
    let header_em = NORMAL_LINE_EM + CELL_DOWN_EM;
    let rows_em: f64 = weeks
        .iter()
        .map(|days| {
            days.iter()
                .map(|blocks| {
                    CELL_DOWN_EM
                        + blocks
                            .iter()
                            .map(|b| {
                                (lines(&b.pieces, day_em) + b.extra_lines) as f64 * LINE_EM
                                    + WORKOUT_DOWN_EM
                            })
                            .sum::<f64>()
                })
                .fold(WEEK_CELL_EM, f64::max)
        })
        .sum();
    // One pixel of border a row.
    (header_em + rows_em) * em_mm + (weeks.len() + 1) as f64 * 0.27
}

/// Height of a paragraph of `chars` characters across the page at `type_pt`, mm, with
/// its share of the space between paragraphs.
pub fn paragraph_mm(chars: usize, type_pt: f64) -> f64 {
    let em_mm = type_pt * PT_MM;
    let per_line = (WIDTH_MM / em_mm / CHAR_EM).floor().max(1.0);
    ((chars as f64 / per_line).ceil().max(1.0) * NORMAL_LINE_EM + PARAGRAPH_GAP_EM) * em_mm
}

/// The largest of [`TYPE_SIZES_PT`] at which the table fits the page below `above_mm` of
/// heading and `below_mm` of notes, with a small reserve; the smallest when none does.
pub fn type_size_pt(weeks: &[Vec<Vec<Block>>], above_mm: f64, below_mm: f64) -> f64 {
    let room = (HEIGHT_MM - above_mm - below_mm) * 0.97;
    TYPE_SIZES_PT
        .into_iter()
        .find(|pt| table_mm(weeks, *pt) <= room)
        .unwrap_or(TYPE_SIZES_PT[TYPE_SIZES_PT.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(em: f64) -> Piece {
        Piece::Text(em)
    }

    #[test]
    fn pieces_wrap_greedily_and_never_split() {
        assert_eq!(lines(&[text(6.0)], 10.0), 1);
        // 6 + a space + 4 is wider than 10; joined, it is not.
        assert_eq!(lines(&[text(6.0), text(4.0)], 10.0), 2);
        assert_eq!(lines(&[text(6.0), Piece::Joined(4.0)], 10.0), 1);
        // A piece wider than the line still takes one line.
        assert_eq!(lines(&[text(40.0)], 10.0), 1);
        assert_eq!(
            lines(&[Piece::Tick, text(3.0), text(3.0), text(3.0)], 10.0),
            2
        );
    }

    #[test]
    fn digits_and_wide_letters_take_more_room_than_narrow_ones() {
        assert!(text_em("1000", false) > text_em("tilt", false));
        assert!(text_em("mm", false) > text_em("nn", false));
        assert!(text_em("Easy", true) > text_em("Easy", false));
    }

    #[test]
    fn more_weeks_or_busier_days_take_a_smaller_type() {
        let easy = || Block {
            pieces: vec![Piece::Tick, text(2.5), text(3.5)],
            extra_lines: 0,
        };
        let week = |per_day: usize| -> Vec<Vec<Block>> {
            (0..7)
                .map(|_| (0..per_day).map(|_| easy()).collect())
                .collect()
        };
        let light: Vec<_> = (0..12).map(|_| week(1)).collect();
        let busy: Vec<_> = (0..20).map(|_| week(3)).collect();
        assert_eq!(type_size_pt(&light, 20.0, 5.0), TYPE_SIZES_PT[0]);
        assert!(type_size_pt(&busy, 20.0, 5.0) < TYPE_SIZES_PT[0]);
        assert!(table_mm(&busy, 7.0) > table_mm(&light, 7.0));
        assert!(table_mm(&busy, 6.0) < table_mm(&busy, 7.0));
    }
}

//! One palette for intensity everywhere (calendar chips, chart bars, legends): rest grey,
//! recovery and easy green-blue, moderate amber, hard red, race purple. Colour is never alone:
//! chips also name the workout's kind in words. Days off have their own two tints, always
//! beside their word ("Sick", "Away").

use egui::Color32;

use crate::model::{Intensity, OffReason};

/// The tint of days off: sick days a muted red, days away a muted blue (both readable on the
/// light and the dark theme).
pub fn day_off_color(reason: OffReason) -> Color32 {
    match reason {
        OffReason::Sick => Color32::from_rgb(196, 84, 110),
        OffReason::Away { .. } => Color32::from_rgb(84, 128, 196),
    }
}

/// The fill colour of an intensity class, tuned for the light or the dark theme.
pub fn intensity_color(intensity: Intensity, dark_mode: bool) -> Color32 {
    let (light, dark) = match intensity {
        Intensity::Rest => ((170, 170, 170), (95, 95, 95)),
        Intensity::Recovery => ((120, 200, 190), (40, 130, 120)),
        Intensity::Easy => ((110, 170, 230), (45, 105, 165)),
        Intensity::Moderate => ((240, 185, 80), (170, 120, 30)),
        Intensity::Hard => ((230, 95, 85), (170, 55, 50)),
        Intensity::Race => ((170, 110, 220), (115, 65, 165)),
    };
    let (r, g, b) = if dark_mode { dark } else { light };
    Color32::from_rgb(r, g, b)
}

/// Text colour that reads on top of [`intensity_color`].
pub fn on_intensity_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_gray(245)
    } else {
        Color32::from_gray(20)
    }
}

//! Views: functions that draw part of the window from the document and push commands.
//! They never change the document themselves.

mod calendar;
mod charts;
mod day_cell;
mod editor;
mod history;
mod menu;
mod model;
mod panels;
mod readiness;
mod season;
mod targets;
mod week;

pub use calendar::{CALENDAR_MIN_WIDTH, CalendarState, CalendarView, calendar_ui, visible_days};
pub use charts::{ChartCache, ChartsState, charts_tab_ui, day_summary};
pub use editor::{EditorState, workout_editor_ui};
pub use history::{HistoryState, history_ui};
pub use menu::{MenuState, menu_bar_ui};
pub use panels::{athlete_panel_ui, charts_ui, status_bar_ui};
pub use readiness::{readiness_banner_ui, recovery_ui};
pub use season::season_ui;

//! The pieces every screen uses: the page's frame (title, focus, back link, problem panel, live
//! region), a question's form and its error summary, the progress bar and the link out.

pub mod error_summary;
pub mod external_link;
pub mod loaded;
pub mod page;
pub mod progress_bar;
pub mod question_form;

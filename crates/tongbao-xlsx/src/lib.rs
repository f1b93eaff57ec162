//! tongbao-xlsx (under construction).

//! tongbao-read (under construction).

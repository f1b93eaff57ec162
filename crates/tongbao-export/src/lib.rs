//! tongbao-export (under construction).

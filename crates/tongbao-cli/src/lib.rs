//! tongbao-cli (under construction).

//! tongbao-docx (under construction).

//! What can go wrong with data: a reader's error names the line or part, an operation's names
//! the column.

use std::fmt;

/// An error from reading or transforming a [`DataFrame`](super::DataFrame).
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// Columns of different lengths, or two columns with one name.
    Shape(String),
    /// A column name the frame does not have.
    NoColumn { name: String, columns: Vec<String> },
    /// A column whose values can't be used as asked (cast, compare, sum).
    Type { column: String, message: String },
    /// Input that does not parse; `at` names where ("line 12", "row group 3", "footer").
    Parse { format: &'static str, at: String, message: String },
    /// Input over the size limit the app set.
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Shape(message) => write!(f, "{message}"),
            DataError::NoColumn { name, columns } => {
                write!(f, "no column named `{name}` (the columns are: {})", columns.join(", "))
            }
            DataError::Type { column, message } => write!(f, "column `{column}`: {message}"),
            DataError::Parse { format, at, message } => write!(f, "{format}, {at}: {message}"),
            DataError::TooLarge { bytes, limit } => {
                write!(f, "the data is {bytes} bytes, over the limit of {limit} bytes")
            }
        }
    }
}

impl std::error::Error for DataError {}

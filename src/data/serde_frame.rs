//! A frame as serde data: its named columns with their values, so element trees that hold
//! frames stay serde data (and could be sent from a worker).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Column, DataFrame};

impl Serialize for DataFrame {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let columns: Vec<(&str, Column)> = self
            .column_names()
            .into_iter()
            .enumerate()
            .map(|(index, name)| (name, Column::from_array(self.column_at(index))))
            .collect();
        columns.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for DataFrame {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DataFrame, D::Error> {
        let columns = Vec::<(String, Column)>::deserialize(deserializer)?;
        DataFrame::new(columns).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_survives_a_round_trip_through_serde() {
        let df = DataFrame::new(vec![
            ("a", Column::from(vec![Some(1_i64), None])),
            ("b", Column::from(vec!["x", "y"])),
            ("c", Column::from(vec![chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(); 2])),
        ])
        .unwrap();
        let bytes = postcard::to_allocvec(&df).unwrap();
        let back: DataFrame = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, df);
        assert_eq!(back.cell_text(0, 2), "2024-02-29");
        assert!(back.value(1, 0).is_null());
    }
}

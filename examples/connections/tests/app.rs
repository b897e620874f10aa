//! The connections app through `AppTest`.

use connections::app;
use wasmlit::prelude::*;

#[test]
fn the_home_page_comes_first() {
    let mut at = AppTest::new_async(app);
    at.run();
    assert_eq!(at.title(0).text(), "Connections");
    assert!(at.get("exception").is_empty());
}

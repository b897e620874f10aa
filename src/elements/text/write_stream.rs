//! `write_stream`: draws text chunks into one Markdown element as they arrive.
//!
//! The crate has no `Stream` trait (no `futures` dependency), so a stream is an iterator
//! of chunk futures: the iterator is lazy, so each future is made only when the one before
//! it is done, and it may await anything the script can (`ui.sleep`, a fetch). That covers
//! a generator of words, a list of ready chunks (`std::future::ready`) and a network
//! reader wrapped in `std::iter::from_fn`.

use std::convert::Infallible;
use std::fmt::Display;
use std::future::Future;

use crate::error::{Error, Result};
use crate::ui::Ui;

impl Ui {
    /// Draws each chunk of `chunks` as it arrives, appended to one Markdown element, and
    /// returns the whole text (Streamlit's `st.write_stream`). The page shows the text so
    /// far at every await of a chunk; an empty stream draws nothing.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasmlit::prelude::*;
    ///
    /// async fn app(ui: Ui) -> Result {
    ///     let words = "Streaming is fun".split(' ').map(|word| {
    ///         let ui = ui.clone();
    ///         async move {
    ///             ui.sleep(Duration::from_millis(100)).await;
    ///             format!("{word} ")
    ///         }
    ///     });
    ///     let full = ui.write_stream(words).await;
    ///     ui.caption(format!("{} characters", full.len()));
    ///     Ok(())
    /// }
    /// let mut at = AppTest::new_async(app);
    /// at.run_for(Duration::from_millis(250));
    /// assert_eq!(at.markdown(0).text(), "Streaming is ");
    /// at.wait();
    /// assert_eq!(at.markdown(0).text(), "Streaming is fun ");
    /// assert_eq!(at.caption(0).text(), "17 characters");
    /// ```
    pub async fn write_stream<I>(&self, chunks: I) -> String
    where
        I: IntoIterator,
        I::Item: Future,
        <I::Item as Future>::Output: Display,
    {
        let ok = chunks.into_iter().map(|chunk| async move { Ok::<_, Infallible>(chunk.await) });
        let Ok(text) = self.stream_into(ok).await;
        text
    }

    /// [`write_stream`](Self::write_stream) for chunks that can fail: on the first error the
    /// text streamed so far stays, and the error comes back (so `?` draws it below, and the
    /// app runs on).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new_async(|ui: Ui| async move {
    ///     let chunks = ["Hello", "", " world"].map(|chunk| async move {
    ///         if chunk.is_empty() { Err(Error::msg("the connection dropped")) } else { Ok(chunk) }
    ///     });
    ///     ui.try_write_stream(chunks).await?;
    ///     ui.write("never reached");
    ///     Ok::<_, Error>(())
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "Hello");
    /// assert!(at.exception(0).text().contains("the connection dropped"));
    /// ```
    pub async fn try_write_stream<I, T, E>(&self, chunks: I) -> Result<String>
    where
        I: IntoIterator,
        I::Item: Future<Output = std::result::Result<T, E>>,
        T: Display,
        E: Into<Error>,
    {
        self.stream_into(chunks).await.map_err(Into::into)
    }

    async fn stream_into<I, T, E>(&self, chunks: I) -> std::result::Result<String, E>
    where
        I: IntoIterator,
        I::Item: Future<Output = std::result::Result<T, E>>,
        T: Display,
    {
        let mut text = String::new();
        // The slot is taken where the stream starts, so later output goes below it.
        let slot = self.empty();
        for chunk in chunks {
            let chunk = chunk.await?.to_string();
            if chunk.is_empty() {
                continue;
            }
            text.push_str(&chunk);
            slot.markdown(text.clone());
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use std::future::ready;
    use std::time::Duration;

    use crate::prelude::*;

    #[test]
    fn chunks_arrive_one_by_one_into_one_element() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            let chunks = (1..=3).map(|i| {
                let ui = ui.clone();
                async move {
                    ui.sleep(Duration::from_secs(1)).await;
                    format!("{i} ")
                }
            });
            let full = ui.write_stream(chunks).await;
            ui.write(format!("got [{full}]"));
        });
        at.run_for(Duration::from_millis(1500));
        assert_eq!(at.get("markdown").len(), 1);
        assert_eq!(at.markdown(0).text(), "1 ");
        at.wait_for(Duration::from_secs(1));
        assert_eq!(at.markdown(0).text(), "1 2 ");
        at.wait();
        assert_eq!(at.markdown(0).text(), "1 2 3 ");
        assert_eq!(at.markdown(1).text(), "got [1 2 3 ]");
    }

    #[test]
    fn an_empty_stream_draws_nothing_and_later_output_goes_below_the_stream() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            let none = ui.write_stream(Vec::<std::future::Ready<String>>::new()).await;
            let later = ui.container();
            let ready = ui.write_stream(["a", "b"].map(ready)).await;
            later.write(format!("[{none}] [{ready}]"));
        });
        at.run();
        let kinds: Vec<&str> = at.elements().iter().map(|e| e.kind()).collect();
        assert_eq!(kinds, ["empty", "markdown", "markdown"]);
        assert_eq!(at.markdown(0).text(), "[] [ab]");
        assert_eq!(at.markdown(1).text(), "ab");
    }

    #[test]
    fn an_interaction_cancels_a_stream_half_way_and_the_rerun_streams_again() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            ui.checkbox("poke");
            let words = ["one ", "two ", "three"].map(|word| {
                let ui = ui.clone();
                async move {
                    ui.sleep(Duration::from_secs(1)).await;
                    word
                }
            });
            ui.write_stream(words).await;
        });
        at.run_for(Duration::from_millis(1500));
        assert_eq!(at.markdown(0).text(), "one ");
        at.checkbox(0).check();
        at.run_for(Duration::from_millis(2500));
        assert_eq!(at.markdown(0).text(), "one two ");
        at.wait();
        assert_eq!(at.markdown(0).text(), "one two three");
    }
}

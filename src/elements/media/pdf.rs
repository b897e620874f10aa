//! `pdf`: a PDF document in the browser's own viewer, as `st.pdf` (Streamlit 1.49+).

use serde::{Deserialize, Serialize};

use super::MediaSource;
use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// The viewer's height when the script sets none, in pixels (Streamlit's default).
pub const DEFAULT_HEIGHT: u32 = 500;

/// What the page shows for a PDF: the document and the viewer's height.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PdfProps {
    /// A URL, or the document's bytes (MIME type `application/pdf`), shown from a Blob URL.
    pub source: MediaSource,
    /// The viewer's height in pixels.
    pub height: u32,
}

impl DisplayProps for PdfProps {
    /// The URL, or the MIME type and size of the bytes.
    fn text(&self) -> String {
        self.source.describe()
    }
}

impl Ui {
    /// A PDF document in the browser's PDF viewer: a URL (a path under the app's
    /// `app/static/` folder works), or bytes through [`Pdf::bytes`]. Where the browser has no
    /// viewer, a download link shows instead.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.pdf("app/static/report.pdf");
    /// });
    /// at.run();
    /// assert_eq!(at.pdf(0).text(), "app/static/report.pdf");
    /// ```
    pub fn pdf(&self, source: impl Into<MediaSource>) -> Ui {
        self.add(Pdf::new(source))
    }
}

/// A PDF with options, as `st.pdf(data, height=..)`.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Pdf::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).height(300));
///     ui.add(Pdf::bytes(b"not a pdf".to_vec())); // refused: an error in place
/// });
/// at.run();
/// let Element::Pdf(pdf) = at.pdf(0).element().clone() else { unreachable!() };
/// assert_eq!((pdf.height, pdf.source.mime()), (300, Some("application/pdf")));
/// assert!(at.exception(0).text().contains("%PDF-"));
/// ```
#[must_use = "a PDF is drawn by `ui.add(..)`"]
pub struct Pdf {
    source: MediaSource,
    height: u32,
}

impl Pdf {
    /// The PDF at a URL, or bytes of MIME type `application/pdf`.
    pub fn new(source: impl Into<MediaSource>) -> Self {
        Pdf { source: source.into(), height: DEFAULT_HEIGHT }
    }

    /// The document's bytes (the contents of a `.pdf` file).
    pub fn bytes(data: impl Into<Vec<u8>>) -> Self {
        Pdf::new(MediaSource::bytes(data, "application/pdf"))
    }

    /// The viewer's height in pixels (500 by default; more than 0).
    pub fn height(mut self, pixels: u32) -> Self {
        self.height = pixels;
        self
    }

    /// The props, or what is wrong with the document or the height.
    fn props(self) -> Result<PdfProps, String> {
        let Pdf { source, height } = self;
        match &source {
            MediaSource::Url(_) => source.check("PDF")?,
            MediaSource::Bytes { data, mime } => {
                if !mime.trim().eq_ignore_ascii_case("application/pdf") {
                    return Err(format!("The MIME type {mime:?} is not a PDF's: it must be \"application/pdf\"."));
                }
                if !data.starts_with(b"%PDF-") {
                    return Err("The PDF data is not a PDF document: it does not start with \"%PDF-\".".into());
                }
            }
        }
        if height == 0 {
            return Err("The PDF's height must be more than 0 pixels.".into());
        }
        Ok(PdfProps { source, height })
    }
}

impl Command for Pdf {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        match self.props() {
            Ok(props) => ui.push_element(make::pdf(props)),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn bad_documents_heights_and_urls_draw_errors_in_place() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Pdf::new(MediaSource::bytes(b"%PDF-1.7".to_vec(), "image/png")));
            ui.add(Pdf::bytes(Vec::new()));
            ui.add(Pdf::new("https://example.com/a.pdf").height(0));
            ui.pdf("javascript:alert(1)");
            ui.pdf("");
            ui.write("after");
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].contains("\"application/pdf\""), "{}", errors[0]);
        assert!(errors[1].contains("%PDF-"), "{}", errors[1]);
        assert!(errors[2].contains("height"), "{}", errors[2]);
        assert!(errors[3].contains("not allowed"), "{}", errors[3]);
        assert!(errors[4].contains("empty"), "{}", errors[4]);
        assert_eq!(at.markdown(0).text(), "after");
        assert!(at.get("pdf").is_empty());
    }

    #[test]
    fn a_url_and_bytes_keep_their_source_and_the_default_height() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.pdf("app/static/a.pdf");
            ui.add(Pdf::bytes(b"%PDF-1.4 tiny".to_vec()));
        });
        at.run();
        let heights: Vec<u32> =
            at.get("pdf").iter().filter_map(|e| if let Element::Pdf(p) = e { Some(p.height) } else { None }).collect();
        assert_eq!(heights, [DEFAULT_HEIGHT, DEFAULT_HEIGHT]);
        assert_eq!(at.pdf(1).text(), "application/pdf, 13 bytes");
    }
}

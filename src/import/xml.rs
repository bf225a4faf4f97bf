//! The XML both GPX and TCX are written in: the text of a file (UTF-8, a byte-order mark and
//! white space skipped, [`xml_text`]), and a walk over its elements ([`walk`]) that checks what
//! every format needs checked (the root element, how deep elements nest, no entity
//! declarations, nothing left open) and hands each element's start and end, with its text, to
//! the format's reader ([`Elements`]). Errors name the line and column ([`Source`]).

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{ImportError, Place, SourceFormat, utf8_text};

/// How deep XML elements may nest; GPX and TCX need fewer than ten levels.
pub const MAX_XML_DEPTH: usize = 256;

/// XML text of a GPX or TCX file: UTF-8 checked, a byte-order mark and white space before the
/// first markup skipped. Returns the text and its byte offset in `bytes`.
pub(crate) fn xml_text(bytes: &[u8], format: SourceFormat) -> Result<(&str, usize), ImportError> {
    let text = utf8_text(bytes, format)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = body.trim_start();
    Ok((body, text.len() - body.len()))
}

/// The XML text and where it sits in the file, for error places.
pub(crate) struct Source<'a> {
    /// The whole file.
    pub bytes: &'a [u8],
    /// Byte offset of the text in the file.
    pub base: usize,
    /// The format being read.
    pub format: SourceFormat,
}

impl Source<'_> {
    /// An error at an offset of the text (moved past white space to the markup).
    pub(crate) fn error_at(&self, offset: usize, reason: String) -> ImportError {
        let mut at = self.base.saturating_add(offset).min(self.bytes.len());
        while self.bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        ImportError::at_offset(self.format, self.bytes, at, reason)
    }

    /// The place of an offset of the text.
    pub(crate) fn place(&self, offset: usize) -> Option<Place> {
        self.error_at(offset, String::new()).place()
    }

    /// The error of XML that is not well-formed.
    pub(crate) fn xml_error(&self, reader: &Reader<&[u8]>, e: &quick_xml::Error) -> ImportError {
        let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
        self.error_at(
            offset,
            format!(
                "the {} file is not well-formed XML ({e}); it may be damaged or cut short, so \
                 export it again",
                self.format
            ),
        )
    }

    /// Refuses a document type that declares entities: Stride does not expand them, and
    /// nested ones ("billion laughs") would make a small file enormous.
    pub(crate) fn refuse_entities(
        &self,
        event: &Event<'_>,
        offset: usize,
    ) -> Result<(), ImportError> {
        match event {
            Event::DocType(d) if d.as_ref().contains("<!ENTITY") => Err(self.error_at(
                offset,
                format!(
                    "the {} file declares its own XML entities (<!ENTITY ...>), which Stride \
                         does not expand; remove its <!DOCTYPE ...> part",
                    self.format
                ),
            )),
            _ => Ok(()),
        }
    }

    /// The error of a file that ends inside an element.
    pub(crate) fn truncated(&self, open: &str) -> ImportError {
        let end = self.bytes.len().saturating_sub(self.base);
        self.error_at(
            end,
            format!(
                "the file ends inside <{open}>: it is cut short; export or copy it again in full"
            ),
        )
    }
}

/// Appends the text of a text, CDATA or entity event to `text`.
pub(crate) fn append_text(event: &Event<'_>, text: &mut String) {
    match event {
        Event::Text(t) => text.push_str(&t.xml10_content()),
        Event::CData(t) => text.push_str(t),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                text.push(c);
            } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
            {
                text.push_str(s);
            }
        }
        _ => {}
    }
}

/// What a format's reader does with the elements of an XML file, for [`walk`].
pub(crate) trait Elements {
    /// The element kinds the format tells apart.
    type Tag: Copy + PartialEq;
    /// The kind of an element, from its local name.
    fn tag(local: &str) -> Self::Tag;
    /// The start of an element (or an empty one); `stack` holds its ancestors.
    fn start(
        &mut self,
        tag: Self::Tag,
        element: &BytesStart<'_>,
        stack: &[(Self::Tag, usize)],
        offset: usize,
    ) -> Result<(), ImportError>;
    /// The end of an element whose text is `content` and which started at `start`; `stack`
    /// holds its ancestors.
    fn end(
        &mut self,
        tag: Self::Tag,
        stack: &[(Self::Tag, usize)],
        content: &str,
        start: usize,
    ) -> Result<(), ImportError>;
}

/// Reads the XML `text` of `source` element by element into `elements`, checking what every
/// format needs checked: the root element is `root` (named `root_name`), elements nest at
/// most [`MAX_XML_DEPTH`] deep, the document type declares no entities, and no
/// element is left open at the end.
pub(crate) fn walk<E: Elements>(
    source: &Source<'_>,
    text: &str,
    root: E::Tag,
    root_name: &str,
    elements: &mut E,
) -> Result<(), ImportError> {
    let format = source.format;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<(E::Tag, usize)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut seen_root = false;
    let mut text_buf = String::new();
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event()
            .map_err(|e| source.xml_error(&reader, &e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let tag = E::tag(local.as_ref());
                if !seen_root {
                    seen_root = true;
                    if tag != root {
                        return Err(source.error_at(
                            offset,
                            format!(
                                "this is not a {format} file: its root element is <{}>, not \
                                 <{root_name}>",
                                local.as_ref()
                            ),
                        ));
                    }
                }
                text_buf.clear();
                elements.start(tag, e, &stack, offset)?;
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= MAX_XML_DEPTH {
                        return Err(source.error_at(
                            offset,
                            format!(
                                "elements nest more than {} levels deep; this is not a {format} \
                                 file Stride can read",
                                MAX_XML_DEPTH
                            ),
                        ));
                    }
                    stack.push((tag, offset));
                    names.push(e.name().as_ref().to_owned());
                } else {
                    elements.end(tag, &stack, "", offset)?;
                }
            }
            Event::End(_) => {
                let Some((tag, start)) = stack.pop() else {
                    return Err(
                        source.error_at(offset, "an element closes that never opened".into())
                    );
                };
                names.pop();
                let content = std::mem::take(&mut text_buf);
                elements.end(tag, &stack, &content, start)?;
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                append_text(&event, &mut text_buf);
            }
            Event::DocType(_) => source.refuse_entities(&event, offset)?,
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = names.last() {
        return Err(source.truncated(open));
    }
    if !seen_root {
        return Err(source.error_at(
            0,
            format!("this is not a {format} file: it has no XML element at all"),
        ));
    }
    Ok(())
}

/// An attribute's value as a number, `None` when absent.
pub(crate) fn number_attribute(
    element: &BytesStart<'_>,
    name: &str,
) -> Result<Option<f64>, String> {
    let attribute = element
        .try_get_attribute(name)
        .map_err(|e| format!("its attributes cannot be read ({e})"))?;
    let Some(attribute) = attribute else {
        return Ok(None);
    };
    let text = &attribute.value;
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{name} '{}' is not a number", text.trim()))?;
    if !value.is_finite() {
        return Err(format!("{name} '{}' is not a finite number", text.trim()));
    }
    Ok(Some(value))
}

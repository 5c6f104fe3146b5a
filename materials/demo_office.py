"""Office files for demo documents: XLSX with openpyxl; DOCX and ODT as the smallest valid packages.

DOCX and ODT stay hand-made (a handful of XML parts each): python-docx and odfpy would be two more runtime
dependencies for three demo files. Zip entries carry a fixed date so the same text always gives the same bytes.
"""

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.writer.excel import ExcelWriter

FIXED_DATE = (2024, 1, 1, 0, 0, 0)


def _zip(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def build_docx(title, paragraphs):
    def para(text, style=None):
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = para(title, "Title") + "".join(para(p) for p in paragraphs)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return _zip(
        [
            (
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/word/document.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                '<Override PartName="/word/styles.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                "</Types>",
            ),
            (
                "_rels/.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/officeDocument" Target="word/document.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                'metadata/core-properties" Target="docProps/core.xml"/>'
                "</Relationships>",
            ),
            (
                "docProps/core.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{escape(title)}</dc:title><dc:language>ru-RU</dc:language></cp:coreProperties>",
            ),
            (
                "word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/></Relationships>',
            ),
            (
                "word/styles.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {ns}>'
                '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="ru-RU"/><w:sz w:val="24"/></w:rPr>'
                "</w:rPrDefault></w:docDefaults>"
                '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
                '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style></w:styles>',
            ),
            (
                "word/document.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}'
                "</w:body></w:document>",
            ),
        ]
    )


def build_odt(title, paragraphs):
    mimetype = "application/vnd.oasis.opendocument.text"
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h>' + "".join(
        f"<text:p>{escape(p)}</text:p>" for p in paragraphs
    )
    return _zip(
        [
            ("mimetype", mimetype),
            (
                "META-INF/manifest.xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>",
            ),
            (
                "meta.xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>'
                f"<dc:title>{escape(title)}</dc:title><dc:language>ru-RU</dc:language>"
                "</office:meta></office:document-meta>",
            ),
            (
                "content.xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
                f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
            ),
        ],
        stored_first="mimetype",
    )


def build_xlsx(sheet_title, rows):
    """A one-sheet workbook written by openpyxl; re-packed with fixed dates so the bytes are deterministic."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    for row in rows:
        sheet.append(row)
    workbook.properties.created = workbook.properties.modified = dt.datetime(*FIXED_DATE)
    buffer = io.BytesIO()
    # ExcelWriter rather than workbook.save(), which stamps the current time as the modification date
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(buffer) as archive:
        return _zip([(info.filename, archive.read(info)) for info in archive.infolist()])

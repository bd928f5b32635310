package org.popcorn.plugins.charity;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Anchor;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.popcorn.api.PluginProblem;

/**
 * The certificate of a volunteer's verified hours as a one-page A4 PDF, made with OpenPDF: every text in the CJK font
 * the setting {@code certificate-font} names (embedded as a subset, so Chinese reads and copies correctly anywhere; it
 * has Latin glyphs too), the verification address as text, as a link and as a QR code (ZXing, drawn as vectors).
 */
final class CertificatePdf {

    /** At most this many activities are listed; the rest are summed up in one line. */
    static final int MAX_LINES = 12;

    /** What a certificate says, in {@code language} ("en" or "zh-CN"). */
    record Content(String language, String volunteer, String campaign, LocalDate startsOn, LocalDate endsOn, long minutes,
                   List<Line> lines, Instant issuedAt, ZoneId zone, String code, String verifyUrl) {
    }

    /** One activity with the volunteer's verified minutes in it. */
    record Line(String title, String city, long minutes) {
    }

    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color ACCENT = new Color(0xB0, 0x2A, 0x4A);
    private static final Color RULE = new Color(0xDD, 0xDD, 0xDD);
    private static final Color HEAD = new Color(0xF4, 0xF1, 0xEE);

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Certificate of volunteer hours"),
            Map.entry("certifies", "This certifies that"),
            Map.entry("volunteered", "volunteered in {campaign}, {from} – {to}, for"),
            Map.entry("hours", "{hours} verified hours"),
            Map.entry("hour", "1 verified hour"),
            Map.entry("activities", "Activities"),
            Map.entry("activity", "Activity"),
            Map.entry("city", "City"),
            Map.entry("hoursColumn", "Hours"),
            Map.entry("more", "and {count} more activities"),
            Map.entry("verifiedBy", "Every hour was verified by the shift's team lead or the city's organisers."),
            Map.entry("issued", "Issued on {date}"),
            Map.entry("check", "Check that this certificate is genuine: scan the code or open"),
            Map.entry("code", "Certificate code: {code}"),
            Map.entry("subject", "Verified volunteer hours of {name} in {campaign}"));

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("title", "志愿服务时长证明"),
            Map.entry("certifies", "兹证明"),
            Map.entry("volunteered", "在{campaign}（{from}至{to}）中参加志愿服务，经核实时长共计"),
            Map.entry("hours", "{hours} 小时"),
            Map.entry("hour", "1 小时"),
            Map.entry("activities", "参与的活动"),
            Map.entry("activity", "活动"),
            Map.entry("city", "城市"),
            Map.entry("hoursColumn", "小时"),
            Map.entry("more", "另有 {count} 项活动"),
            Map.entry("verifiedBy", "每一小时均由班次领队或所在城市的组织者核实。"),
            Map.entry("issued", "签发日期：{date}"),
            Map.entry("check", "核验本证明真伪：扫描二维码或访问"),
            Map.entry("code", "证明编号：{code}"),
            Map.entry("subject", "{name}在{campaign}中经核实的志愿服务时长"));

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);

    private record Loaded(String setting, BaseFont font) {
    }

    private volatile Loaded loaded;

    /** The font file a setting value names: the value without a collection index ({@code …/Font.ttc,2}). */
    static Path fontFile(String setting) {
        String s = setting == null ? "" : setting.strip();
        return Path.of(s.matches("(?s).*\\.ttc,\\d+") ? s.substring(0, s.lastIndexOf(',')) : s);
    }

    /**
     * The font the setting names, loaded once per value (admins may change it); 503 {@code charity.certificate-unavailable}
     * when the file is missing or is not a font OpenPDF can embed.
     */
    BaseFont font(String setting) {
        String value = setting == null ? "" : setting.strip();
        Path file = value.isEmpty() ? null : fontFile(value);
        if (file == null || !Files.isReadable(file)) {
            throw new PluginProblem(503, "Certificates need a font with Chinese characters, and the setting " + Certificates.FONT_SETTING
                    + " names " + (value.isEmpty() ? "none" : "\"" + value + "\", which is not on this server") + ". Install the Debian package "
                    + "fonts-noto-cjk (it puts " + Certificates.DEFAULT_FONT.replace(",2", "") + " in place) or point the setting at "
                    + "another CJK font (.ttf, .otf, or a .ttc with the face's index after a comma, e.g. ,2).", null)
                    .withCode("charity.certificate-unavailable");
        }
        Loaded had = loaded;
        if (had != null && had.setting().equals(value)) {
            return had.font();
        }
        try {
            BaseFont f = BaseFont.createFont(value, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            loaded = new Loaded(value, f);
            return f;
        } catch (IOException | RuntimeException e) {
            throw new PluginProblem(503, "The font the setting " + Certificates.FONT_SETTING + " names (\"" + value + "\") cannot be embedded: "
                    + e.getMessage() + ". Install the Debian package fonts-noto-cjk and use its default, " + Certificates.DEFAULT_FONT + ".", null)
                    .withCode("charity.certificate-unavailable");
        }
    }

    /** The PDF. Rendering shares the font's tables, so one certificate is drawn at a time per font. */
    byte[] render(Content c, BaseFont base) {
        Map<String, String> say = "zh-CN".equals(c.language()) ? ZH : EN;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synchronized (base) {
            Document doc = new Document(PageSize.A4, 56, 56, 56, 48);
            try {
                PdfWriter writer = PdfWriter.getInstance(doc, out);
                writer.getExtraCatalog().put(PdfName.LANG, new PdfString(c.language()));
                doc.addTitle(say.get("title") + " · " + c.volunteer());
                doc.addSubject(fill(say.get("subject"), "name", c.volunteer(), "campaign", c.campaign()));
                doc.addCreator("Popcorn charity month");
                doc.open();
                body(doc, writer, c, say, base);
                doc.close();
            } catch (DocumentException e) {
                throw new IllegalStateException("cannot draw the certificate " + c.code() + ": " + e.getMessage(), e);
            }
        }
        return out.toByteArray();
    }

    private void body(Document doc, PdfWriter writer, Content c, Map<String, String> say, BaseFont base) throws DocumentException {
        Font title = new Font(base, 26, Font.BOLD, ACCENT);
        Font lead = new Font(base, 13, Font.NORMAL, INK);
        Font name = new Font(base, 28, Font.BOLD, INK);
        Font figure = new Font(base, 22, Font.BOLD, ACCENT);
        Font heading = new Font(base, 13, Font.BOLD, INK);
        Font text = new Font(base, 10.5f, Font.NORMAL, INK);
        Font small = new Font(base, 9, Font.NORMAL, MUTED);
        Font strong = new Font(base, 10.5f, Font.BOLD, INK);

        doc.add(centred(say.get("title"), title, 8, 26));
        doc.add(centred(say.get("certifies"), lead, 0, 10));
        doc.add(centred(c.volunteer(), name, 0, 12));
        doc.add(centred(fill(say.get("volunteered"), "campaign", quoted(c.campaign(), c.language()), "from", date(c.startsOn(), c.language()),
                "to", date(c.endsOn(), c.language())), lead, 0, 8));
        doc.add(centred(c.minutes() == 60 ? say.get("hour") : fill(say.get("hours"), "hours", Panels.hours(c.minutes())), figure, 0, 22));

        Paragraph h = new Paragraph(say.get("activities"), heading);
        h.setSpacingAfter(6);
        doc.add(h);
        PdfPTable table = new PdfPTable(new float[] {6.2f, 2.4f, 1.4f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(cell(say.get("activity"), strong, Element.ALIGN_LEFT, HEAD));
        table.addCell(cell(say.get("city"), strong, Element.ALIGN_LEFT, HEAD));
        table.addCell(cell(say.get("hoursColumn"), strong, Element.ALIGN_RIGHT, HEAD));
        List<Line> lines = c.lines();
        int shown = Math.min(lines.size(), MAX_LINES);
        for (Line l : lines.subList(0, shown)) {
            table.addCell(cell(l.title(), text, Element.ALIGN_LEFT, null));
            table.addCell(cell(l.city(), text, Element.ALIGN_LEFT, null));
            table.addCell(cell(Panels.hours(l.minutes()), text, Element.ALIGN_RIGHT, null));
        }
        if (lines.size() > shown) {
            long rest = lines.subList(shown, lines.size()).stream().mapToLong(Line::minutes).sum();
            table.addCell(cell(fill(say.get("more"), "count", String.valueOf(lines.size() - shown)), text, Element.ALIGN_LEFT, null));
            table.addCell(cell("", text, Element.ALIGN_LEFT, null));
            table.addCell(cell(Panels.hours(rest), text, Element.ALIGN_RIGHT, null));
        }
        doc.add(table);
        Paragraph note = new Paragraph(say.get("verifiedBy"), small);
        note.setSpacingBefore(6);
        doc.add(note);
        Paragraph issued = new Paragraph(fill(say.get("issued"), "date", date(LocalDate.ofInstant(c.issuedAt(), c.zone()), c.language())), text);
        issued.setSpacingBefore(14);
        issued.setSpacingAfter(18);
        doc.add(issued);

        PdfPTable check = new PdfPTable(new float[] {1.1f, 4f});
        check.setWidthPercentage(100);
        Image qr = qr(writer, c.verifyUrl(), 96);
        PdfPCell code = new PdfPCell(qr, false);
        code.setBorder(Rectangle.NO_BORDER);
        code.setPadding(0);
        check.addCell(code);
        PdfPCell words = new PdfPCell();
        words.setBorder(Rectangle.NO_BORDER);
        words.setPaddingLeft(12);
        words.setVerticalAlignment(Element.ALIGN_MIDDLE);
        words.addElement(new Paragraph(say.get("check"), text));
        Anchor link = new Anchor(c.verifyUrl(), new Font(base, 10.5f, Font.UNDERLINE, ACCENT));
        link.setReference(c.verifyUrl());
        Paragraph at = new Paragraph();
        at.add(link);
        at.setSpacingBefore(2);
        words.addElement(at);
        Paragraph id = new Paragraph(fill(say.get("code"), "code", c.code()), strong);
        id.setSpacingBefore(6);
        words.addElement(id);
        check.addCell(words);
        doc.add(check);
    }

    private static Paragraph centred(String s, Font f, float before, float after) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        p.setLeading(f.getSize() * 1.35f);
        return p;
    }

    private static PdfPCell cell(String s, Font f, int align, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(s == null ? "" : s, f));
        cell.setHorizontalAlignment(align);
        cell.setPadding(5);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /** The QR code of {@code text}, drawn as vector squares (sharp when printed), {@code size} points square. */
    private static Image qr(PdfWriter writer, String text, float size) throws DocumentException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        }
        int quiet = 4; // modules of white around it, as readers expect
        int n = m.getWidth();
        PdfTemplate t = writer.getDirectContent().createTemplate(n + 2f * quiet, n + 2f * quiet);
        t.setColorFill(Color.BLACK);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (m.get(x, y)) {
                    int run = 1;
                    while (x + run < n && m.get(x + run, y)) {
                        run++;
                    }
                    t.rectangle(quiet + x, quiet + n - 1 - y, run, 1); // PDF y runs upwards
                    x += run - 1;
                }
            }
        }
        t.fill();
        Image img = Image.getInstance(t);
        img.scaleAbsolute(size, size);
        img.setAlt(text);
        return img;
    }

    private static String date(LocalDate d, String language) {
        return ("zh-CN".equals(language) ? ZH_DATE : EN_DATE).format(d);
    }

    private static String quoted(String s, String language) {
        return "zh-CN".equals(language) ? "“" + s + "”" : s;
    }

    /** The text with {@code {name}} placeholders replaced: fill(text, "name", value, …). */
    private static String fill(String text, String... pairs) {
        String out = text;
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out = out.replace("{" + pairs[i] + "}", pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }
}

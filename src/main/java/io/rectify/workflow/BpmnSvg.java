package io.rectify.workflow;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws BPMN models as SVG from their own diagram interchange (the shapes' bounds and the edges'
 * waypoints the modeler saved), one panel per process, stacked. The current steps are amber with a
 * thick dashed frame and a "current" badge, finished steps grey with a check mark: colour is never
 * the only cue. Only presentation attributes are used (no {@code style}), so the image obeys a
 * strict content security policy when opened on its own; every text goes through the XML writer,
 * which escapes it.
 */
final class BpmnSvg {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final double MARGIN = 20;
    private static final double HEADING = 28;
    private static final double LEGEND = 40;
    private static final String INK = "#1f2937";
    private static final String CURRENT_FILL = "#fde68a";
    private static final String CURRENT_STROKE = "#92400e";
    private static final String FINISHED_FILL = "#e5e7eb";
    private static final String FONT = "12";

    /**
     * One process to draw: its model, a heading, and what the case's instance did and does in it;
     * {@code names} gives an element's label in the reader's language from its id and its model name.
     */
    record Panel(String heading, BpmnModelInstance model, Set<String> current, Set<String> finished,
                 java.util.function.BinaryOperator<String> names) {

        /** A panel labelled with the model's own names. */
        Panel(String heading, BpmnModelInstance model, Set<String> current, Set<String> finished) {
            this(heading, model, current, finished, (id, name) -> name);
        }

        String label(BaseElement element, String modelName) {
            return names.apply(element.getId(), modelName);
        }
    }

    /** The texts of the drawing in the reader's language. */
    record Texts(String title, String currentBadge, String finishedMark, String legend) {
    }

    private enum State { CURRENT, FINISHED, NONE }

    private BpmnSvg() {
    }

    static String render(List<Panel> panels, Texts texts) {
        List<Box> boxes = panels.stream().map(p -> extent(p.model())).toList();
        double width = boxes.stream().mapToDouble(b -> b.width() + 2 * MARGIN).max().orElse(200);
        double height = MARGIN + LEGEND;
        for (Box box : boxes) {
            height += HEADING + box.height() + MARGIN;
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(SVG_NS);
            attr(xml, "role", "img");
            attr(xml, "aria-label", texts.title());
            attr(xml, "width", num(width));
            attr(xml, "height", num(height));
            attr(xml, "viewBox", "0 0 " + num(width) + " " + num(height));
            attr(xml, "font-family", "sans-serif");
            attr(xml, "font-size", FONT);
            element(xml, "title", texts.title());
            arrowhead(xml);
            rect(xml, 0, 0, width, height, 0, "#ffffff", "none", 0);
            double top = MARGIN;
            for (int i = 0; i < panels.size(); i++) {
                Panel panel = panels.get(i);
                Box box = boxes.get(i);
                text(xml, MARGIN, top + 16, panel.heading(), "start", "bold", "14");
                xml.writeStartElement("g");
                attr(xml, "data-process", panel.model().getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                        .stream().map(BaseElement::getId).findFirst().orElse(""));
                attr(xml, "transform", "translate(" + num(MARGIN - box.minX()) + " " + num(top + HEADING - box.minY()) + ")");
                drawPanel(xml, panel, texts);
                xml.writeEndElement();
                top += HEADING + box.height() + MARGIN;
            }
            legend(xml, top, texts);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the process diagram", e);
        }
        return out.toString();
    }

    private static void drawPanel(XMLStreamWriter xml, Panel panel, Texts texts) throws XMLStreamException {
        // edges first, so that shapes sit on top of the lines that end at them
        for (BpmnEdge edge : panel.model().getModelElementsByType(BpmnEdge.class)) {
            drawEdge(xml, edge, panel);
        }
        List<BpmnShape> shapes = new ArrayList<>(panel.model().getModelElementsByType(BpmnShape.class));
        // boundary events are drawn over the activity they are attached to
        shapes.sort((a, b) -> Boolean.compare(a.getBpmnElement() instanceof BoundaryEvent,
                b.getBpmnElement() instanceof BoundaryEvent));
        for (BpmnShape shape : shapes) {
            if (shape.getBpmnElement() instanceof FlowElement node) {
                State state = panel.current().contains(node.getId()) ? State.CURRENT
                        : panel.finished().contains(node.getId()) ? State.FINISHED : State.NONE;
                drawNode(xml, shape, node, state, texts, panel);
            }
        }
    }

    private static void drawEdge(XMLStreamWriter xml, BpmnEdge edge, Panel panel) throws XMLStreamException {
        Collection<Waypoint> points = edge.getWaypoints();
        if (points.size() < 2) {
            return;
        }
        StringBuilder d = new StringBuilder();
        for (Waypoint p : points) {
            d.append(d.length() == 0 ? "M" : " L").append(num(p.getX())).append(' ').append(num(p.getY()));
        }
        xml.writeStartElement("g");
        attr(xml, "data-flow-id", edge.getBpmnElement() == null ? "" : edge.getBpmnElement().getId());
        xml.writeEmptyElement("path");
        attr(xml, "d", d.toString());
        attr(xml, "fill", "none");
        attr(xml, "stroke", INK);
        attr(xml, "stroke-width", "1.5");
        attr(xml, "marker-end", "url(#arrow)");
        String name = edge.getBpmnElement() instanceof FlowElement flow && flow.getName() != null
                ? panel.label(flow, flow.getName()) : null;
        BpmnLabel label = edge.getBpmnLabel();
        if (name != null && !name.isBlank() && label != null && label.getBounds() != null) {
            Bounds b = label.getBounds();
            wrapped(xml, b.getX() + b.getWidth() / 2, b.getY(), Math.max(b.getWidth(), 40), name);
        }
        xml.writeEndElement();
    }

    private static void drawNode(XMLStreamWriter xml, BpmnShape shape, FlowElement node, State state, Texts texts,
                                 Panel panel) throws XMLStreamException {
        Bounds b = shape.getBounds();
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        String fill = switch (state) {
            case CURRENT -> CURRENT_FILL;
            case FINISHED -> FINISHED_FILL;
            case NONE -> "#ffffff";
        };
        String stroke = state == State.CURRENT ? CURRENT_STROKE : INK;
        xml.writeStartElement("g");
        attr(xml, "data-element-id", node.getId());
        attr(xml, "data-element-type", node.getElementType().getTypeName());
        attr(xml, "data-state", state.name().toLowerCase(Locale.ROOT));
        String name = node.getName() == null ? node.getId() : panel.label(node, node.getName());
        element(xml, "title", switch (state) {
            case CURRENT -> name + " (" + texts.currentBadge() + ")";
            case FINISHED -> name + " (" + texts.finishedMark() + ")";
            case NONE -> name;
        });
        if (state == State.CURRENT) {
            // the non-colour cue: a thick dashed frame around the step, and a badge naming it current
            xml.writeEmptyElement("rect");
            attr(xml, "x", num(x - 6));
            attr(xml, "y", num(y - 6));
            attr(xml, "width", num(w + 12));
            attr(xml, "height", num(h + 12));
            attr(xml, "rx", "12");
            attr(xml, "fill", "none");
            attr(xml, "stroke", CURRENT_STROKE);
            attr(xml, "stroke-width", "3");
            attr(xml, "stroke-dasharray", "8 4");
        }
        double strokeWidth = state == State.CURRENT ? 3 : 1.5;
        if (node instanceof Activity) {
            rect(xml, x, y, w, h, 10, fill, stroke, strokeWidth);
            activityMarker(xml, node, x, y, stroke);
            wrapped(xml, x + w / 2, y + h / 2 - 8, w - 10, name);
        } else if (node instanceof Event event) {
            drawEvent(xml, event, x, y, w, h, fill, stroke, strokeWidth);
            outsideLabel(xml, shape, name, x, y, w, h);
        } else if (node instanceof Gateway gateway) {
            drawGateway(xml, shape, gateway, x, y, w, h, fill, stroke, strokeWidth);
            outsideLabel(xml, shape, name, x, y, w, h);
        } else {
            rect(xml, x, y, w, h, 0, fill, stroke, strokeWidth);
            wrapped(xml, x + w / 2, y + h / 2 - 8, w - 10, name);
        }
        if (state == State.CURRENT) {
            text(xml, x + w / 2, y - 10, "▶ " + texts.currentBadge(), "middle", "bold", FONT);
        } else if (state == State.FINISHED) {
            text(xml, x + w - 2, y + 2, "✓", "end", "bold", "14");
        }
        xml.writeEndElement();
    }

    private static void drawEvent(XMLStreamWriter xml, Event event, double x, double y, double w, double h, String fill,
                                  String stroke, double strokeWidth) throws XMLStreamException {
        double cx = x + w / 2;
        double cy = y + h / 2;
        double r = Math.min(w, h) / 2;
        boolean end = event instanceof EndEvent;
        boolean intermediate = !(event instanceof StartEvent) && !end;
        boolean nonInterrupting = event instanceof BoundaryEvent boundary && !boundary.cancelActivity();
        xml.writeEmptyElement("circle");
        attr(xml, "cx", num(cx));
        attr(xml, "cy", num(cy));
        attr(xml, "r", num(r));
        attr(xml, "fill", fill);
        attr(xml, "stroke", stroke);
        // an end event is drawn thick, as BPMN has it
        attr(xml, "stroke-width", num(end ? Math.max(4, strokeWidth + 1.5) : strokeWidth));
        if (nonInterrupting) {
            attr(xml, "stroke-dasharray", "4 2");
        }
        if (intermediate) {
            xml.writeEmptyElement("circle");
            attr(xml, "cx", num(cx));
            attr(xml, "cy", num(cy));
            attr(xml, "r", num(r - 3));
            attr(xml, "fill", "none");
            attr(xml, "stroke", stroke);
            attr(xml, "stroke-width", "1");
            if (nonInterrupting) {
                attr(xml, "stroke-dasharray", "4 2");
            }
        }
        for (EventDefinition definition : definitions(event)) {
            if (definition instanceof TimerEventDefinition) {
                clock(xml, cx, cy, r * 0.55, stroke);
            } else if (definition instanceof MessageEventDefinition) {
                envelope(xml, cx, cy, r, stroke, event instanceof ThrowEvent);
            } else if (definition instanceof TerminateEventDefinition) {
                xml.writeEmptyElement("circle");
                attr(xml, "cx", num(cx));
                attr(xml, "cy", num(cy));
                attr(xml, "r", num(r * 0.55));
                attr(xml, "fill", stroke);
            }
        }
    }

    private static Collection<EventDefinition> definitions(Event event) {
        if (event instanceof CatchEvent c) {
            return c.getEventDefinitions();
        }
        if (event instanceof ThrowEvent t) {
            return t.getEventDefinitions();
        }
        return List.of();
    }

    private static void clock(XMLStreamWriter xml, double cx, double cy, double r, String stroke) throws XMLStreamException {
        xml.writeEmptyElement("circle");
        attr(xml, "cx", num(cx));
        attr(xml, "cy", num(cy));
        attr(xml, "r", num(r));
        attr(xml, "fill", "#ffffff");
        attr(xml, "stroke", stroke);
        attr(xml, "stroke-width", "1.5");
        xml.writeEmptyElement("path");
        attr(xml, "d", "M" + num(cx) + " " + num(cy - r * 0.75) + " L" + num(cx) + " " + num(cy)
                + " L" + num(cx + r * 0.6) + " " + num(cy));
        attr(xml, "fill", "none");
        attr(xml, "stroke", stroke);
        attr(xml, "stroke-width", "1.5");
    }

    private static void envelope(XMLStreamWriter xml, double cx, double cy, double r, String stroke, boolean filled)
            throws XMLStreamException {
        double w = r * 0.9;
        double h = r * 0.6;
        rect(xml, cx - w / 2, cy - h / 2, w, h, 0, filled ? stroke : "#ffffff", stroke, 1.2);
        xml.writeEmptyElement("path");
        attr(xml, "d", "M" + num(cx - w / 2) + " " + num(cy - h / 2) + " L" + num(cx) + " " + num(cy + h / 6)
                + " L" + num(cx + w / 2) + " " + num(cy - h / 2));
        attr(xml, "fill", "none");
        attr(xml, "stroke", filled ? "#ffffff" : stroke);
        attr(xml, "stroke-width", "1.2");
    }

    private static void drawGateway(XMLStreamWriter xml, BpmnShape shape, Gateway gateway, double x, double y, double w,
                                    double h, String fill, String stroke, double strokeWidth) throws XMLStreamException {
        double cx = x + w / 2;
        double cy = y + h / 2;
        xml.writeEmptyElement("polygon");
        attr(xml, "points", num(cx) + "," + num(y) + " " + num(x + w) + "," + num(cy) + " " + num(cx) + ","
                + num(y + h) + " " + num(x) + "," + num(cy));
        attr(xml, "fill", fill);
        attr(xml, "stroke", stroke);
        attr(xml, "stroke-width", num(strokeWidth));
        double m = Math.min(w, h) * 0.2;
        String d;
        if (gateway instanceof ParallelGateway) {
            d = "M" + num(cx - m) + " " + num(cy) + " L" + num(cx + m) + " " + num(cy)
                    + " M" + num(cx) + " " + num(cy - m) + " L" + num(cx) + " " + num(cy + m);
        } else if (shape.isMarkerVisible()) {
            d = "M" + num(cx - m) + " " + num(cy - m) + " L" + num(cx + m) + " " + num(cy + m)
                    + " M" + num(cx + m) + " " + num(cy - m) + " L" + num(cx - m) + " " + num(cy + m);
        } else {
            return;
        }
        xml.writeEmptyElement("path");
        attr(xml, "d", d);
        attr(xml, "stroke", stroke);
        attr(xml, "stroke-width", "3");
    }

    /** A small sign of the task's kind in its top-left corner: a person, a gear, a table. */
    private static void activityMarker(XMLStreamWriter xml, FlowElement node, double x, double y, String stroke)
            throws XMLStreamException {
        if (node instanceof UserTask) {
            xml.writeEmptyElement("circle");
            attr(xml, "cx", num(x + 13));
            attr(xml, "cy", num(y + 10));
            attr(xml, "r", "3.5");
            attr(xml, "fill", "none");
            attr(xml, "stroke", stroke);
            xml.writeEmptyElement("path");
            attr(xml, "d", "M" + num(x + 6) + " " + num(y + 22) + " Q" + num(x + 13) + " " + num(y + 12) + " "
                    + num(x + 20) + " " + num(y + 22) + " Z");
            attr(xml, "fill", "none");
            attr(xml, "stroke", stroke);
        } else if (node instanceof ServiceTask) {
            xml.writeEmptyElement("circle");
            attr(xml, "cx", num(x + 13));
            attr(xml, "cy", num(y + 14));
            attr(xml, "r", "6");
            attr(xml, "fill", "none");
            attr(xml, "stroke", stroke);
            attr(xml, "stroke-width", "3");
            attr(xml, "stroke-dasharray", "2.4 2.3");
        } else if (node instanceof BusinessRuleTask) {
            rect(xml, x + 6, y + 7, 16, 12, 0, "none", stroke, 1);
            xml.writeEmptyElement("path");
            attr(xml, "d", "M" + num(x + 6) + " " + num(y + 11) + " L" + num(x + 22) + " " + num(y + 11)
                    + " M" + num(x + 11) + " " + num(y + 11) + " L" + num(x + 11) + " " + num(y + 19));
            attr(xml, "stroke", stroke);
        }
    }

    private static void outsideLabel(XMLStreamWriter xml, BpmnShape shape, String name, double x, double y, double w,
                                     double h) throws XMLStreamException {
        BpmnLabel label = shape.getBpmnLabel();
        if (label != null && label.getBounds() != null) {
            Bounds b = label.getBounds();
            wrapped(xml, b.getX() + b.getWidth() / 2, b.getY(), Math.max(b.getWidth(), 60), name);
        } else {
            wrapped(xml, x + w / 2, y + h + 4, Math.max(w * 2, 80), name);
        }
    }

    /** Centred text broken into lines that fit the width (a CJK character counts as wide). */
    private static void wrapped(XMLStreamWriter xml, double cx, double top, double width, String value)
            throws XMLStreamException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            double cw = Character.isIdeographic(cp) || cp > 0x2E80 ? 12 : 6.6;
            if (used + cw > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(cp);
            used += cw;
            i += Character.charCount(cp);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        for (int i = 0; i < lines.size(); i++) {
            text(xml, cx, top + 12 + i * 14, lines.get(i), "middle", null, FONT);
        }
    }

    private static void legend(XMLStreamWriter xml, double top, Texts texts) throws XMLStreamException {
        rect(xml, MARGIN, top + 4, 26, 16, 4, CURRENT_FILL, CURRENT_STROKE, 3);
        text(xml, MARGIN + 34, top + 16, texts.legend(), "start", null, FONT);
    }

    private static void arrowhead(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("defs");
        xml.writeStartElement("marker");
        attr(xml, "id", "arrow");
        attr(xml, "viewBox", "0 0 10 10");
        attr(xml, "refX", "10");
        attr(xml, "refY", "5");
        attr(xml, "markerWidth", "8");
        attr(xml, "markerHeight", "8");
        attr(xml, "orient", "auto-start-reverse");
        xml.writeEmptyElement("path");
        attr(xml, "d", "M0 0 L10 5 L0 10 Z");
        attr(xml, "fill", INK);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void rect(XMLStreamWriter xml, double x, double y, double w, double h, double rx, String fill,
                             String stroke, double strokeWidth) throws XMLStreamException {
        xml.writeEmptyElement("rect");
        attr(xml, "x", num(x));
        attr(xml, "y", num(y));
        attr(xml, "width", num(w));
        attr(xml, "height", num(h));
        if (rx > 0) {
            attr(xml, "rx", num(rx));
        }
        attr(xml, "fill", fill);
        attr(xml, "stroke", stroke);
        if (strokeWidth > 0) {
            attr(xml, "stroke-width", num(strokeWidth));
        }
    }

    private static void text(XMLStreamWriter xml, double x, double y, String value, String anchor, String weight,
                             String size) throws XMLStreamException {
        xml.writeStartElement("text");
        attr(xml, "x", num(x));
        attr(xml, "y", num(y));
        attr(xml, "text-anchor", anchor);
        attr(xml, "fill", INK);
        if (weight != null) {
            attr(xml, "font-weight", weight);
        }
        if (!FONT.equals(size)) {
            attr(xml, "font-size", size);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void attr(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The area the diagram interchange covers: shapes, their labels, and every waypoint. */
    private static Box extent(BpmnModelInstance model) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        List<Bounds> all = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            all.add(shape.getBounds());
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                all.add(shape.getBpmnLabel().getBounds());
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            for (Waypoint p : edge.getWaypoints()) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                all.add(edge.getBpmnLabel().getBounds());
            }
        }
        for (Bounds b : all) {
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
        }
        if (minX == Double.MAX_VALUE) {
            return new Box(0, 0, 100, 40);
        }
        // room for the "current" badge above a shape and for label lines that wrap below
        return new Box(minX - 10, minY - 24, maxX - minX + 20, maxY - minY + 44);
    }

    private record Box(double minX, double minY, double width, double height) {
    }
}

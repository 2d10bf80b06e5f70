package org.readiness.scoring.facts;

/** A fact about one enabler, theme or the overall rating: lets the trace say what each firing concerned. */
public interface Subject {

    /** The enabler or theme id, or "overall". */
    String subject();
}

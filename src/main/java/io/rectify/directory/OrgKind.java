package io.rectify.directory;

public enum OrgKind {
    /** 政府办公厅(室) or 信息化主管部门: opens cases and orders rectification. */
    OFFICE,
    /** 监察委员会: reviews escalated cases and records sanctions. */
    SUPERVISION,
    /** a department or unit that runs a website. */
    DEPARTMENT
}

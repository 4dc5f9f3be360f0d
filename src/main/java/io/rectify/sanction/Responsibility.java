package io.rectify.sanction;

/** Who is sanctioned (Art. 33, 34): the directly responsible leader or other responsible staff. */
public enum Responsibility {
    /** 直接负责的主管人员 */
    LEADER,
    /** 其他直接责任人员 */
    STAFF
}

package io.rectify.directory;

/**
 * What a watched column holds, as the 2019 indicators tell columns apart: news (动态、要闻) must be
 * renewed within two weeks, notices and policies (通知公告、政策文件) within six months.
 */
public enum ColumnKind {
    NEWS, NOTICE, POLICY, INTERACTION, OTHER
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>This database is already open in another GridWorker window ({0}, process {1} on {2}). Use that window, or close it first.

{3}</source>
        <translation>这个数据库已经在另一个网格员工作台窗口中打开（{0}，进程 {1}，电脑 {2}）。请使用那个窗口，或先把它关闭。

{3}</translation>
    </message>
    <message>
        <source>Could not check whether another window has this database open: {0}</source>
        <translation>无法确认是否有另一个窗口打开了这个数据库：{0}</translation>
    </message>
</context>
<context>
    <name>BundlePicker</name>
    <message>
        <source>Choose the bundles to import</source>
        <translation>选择要导入的数据包</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改条数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>There are no bundles in this folder.</source>
        <translation>这个文件夹里没有数据包。</translation>
    </message>
    <message>
        <source>Look in another folder…</source>
        <translation>到别的文件夹找…</translation>
    </message>
    <message>
        <source>Import the chosen bundles</source>
        <translation>导入选中的数据包</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Bundles in {0}:</source>
        <translation>{0} 中的数据包：</translation>
    </message>
    <message>
        <source>(cannot be read)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <source>Choose the folder with the bundles</source>
        <translation>选择放有数据包的文件夹</translation>
    </message>
</context>
<context>
    <name>CareScreen</name>
    <message>
        <source>Three-colour care</source>
        <translation>三色关爱</translation>
    </message>
    <message>
        <source>Flagged residents</source>
        <translation>关爱对象</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月情况</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>The same item was changed in two places. The current value is kept for now and the other is saved here: choose which one is right.</source>
        <translation>同一项在两处都被修改过。现在先用“当前值”，另一个值保存在这里：请核对后选择正确的一个。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>No conflicts: nothing needs checking.</source>
        <translation>没有冲突，不需要核对。</translation>
    </message>
    <message>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <source>Kept “{value}” as the {item} of {record}. The other computers get this choice with the next bundle.</source>
        <translation>已保留{record}的{item}“{value}”。这个决定会随下一个数据包同步到其他电脑。</translation>
    </message>
</context>
<context>
    <name>DbRunner</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有改动任何数据。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Duplicates ({0})</source>
        <translation>疑似重复（{0}）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>These records look like the same person or household entered twice (on two computers). Check them; merging keeps the first and moves everything of the second to it.</source>
        <translation>这些记录看起来是同一个人或同一户被录了两次（在两台电脑上）。请核对；合并会保留第一条，并把第二条的一切都移到它名下。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation>并入它</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No duplicates: nobody was entered twice.</source>
        <translation>没有疑似重复：没有人被录了两次。</translation>
    </message>
    <message>
        <source>&amp;Merge these two</source>
        <translation>合并这两条(&amp;M)</translation>
    </message>
    <message>
        <source>{0} (merged, not finished)</source>
        <translation>{0}（已合并，还没完成）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Keep “{0}” and merge “{1}” into it? This is synced to the others.</source>
        <translation>保留“{0}”，把“{1}”并入它？这个合并会同步给其他电脑。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>This page will show:</source>
        <translation>这一页将会显示：</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Major event</source>
        <translation>重大事件</translation>
    </message>
    <message>
        <source>{0}: a home visit will be due within 24 hours, whatever the colour.</source>
        <translation>{0}：不论关爱颜色，24 小时内需入户探访。</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Care colour</source>
        <translation>关爱颜色</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Sensitive personal information: never printed</source>
        <translation>敏感个人信息：不打印</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>关爱类别：</translation>
    </message>
    <message>
        <source>* sensitive (PIPL Art. 28): shown only where needed, never printed</source>
        <translation>* 为敏感信息（个人信息保护法第二十八条）：只在需要时显示，不打印</translation>
    </message>
    <message>
        <source>Why this colour, e.g. 82岁独居，子女在外地</source>
        <translation>为什么是这个颜色，如 82岁独居，子女在外地</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Review on:</source>
        <translation>复核日期：</translation>
    </message>
    <message>
        <source>Assessed on:</source>
        <translation>评估日期：</translation>
    </message>
    <message>
        <source>Major events and changes:</source>
        <translation>重大事件和修改记录：</translation>
    </message>
    <message>
        <source>Record a major &amp;event…</source>
        <translation>登记重大事件(&amp;E)…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>This resident no longer exists.</source>
        <translation>这位居民已不存在。</translation>
    </message>
    <message>
        <source>{0} since {1}, set by {2}; review due {3}.</source>
        <translation>现为{0}，{1} 由{2}标记，{3} 复核。</translation>
    </message>
    <message>
        <source>Moved out or deceased: no colour can be set (it can be cleared).</source>
        <translation>已迁出或死亡：不能设定关爱颜色（可以取消）。</translation>
    </message>
    <message>
        <source>Red: a home visit every 7 days; phone calls do not count.</source>
        <translation>红色：每 7 天入户一次，电话不算。</translation>
    </message>
    <message>
        <source>Yellow: a visit every 30 days.</source>
        <translation>黄色：每 30 天走访一次。</translation>
    </message>
    <message>
        <source>Green: a visit every 90 days.</source>
        <translation>绿色：每 90 天走访一次。</translation>
    </message>
    <message>
        <source>No colour: the resident is no longer on the care list.</source>
        <translation>无：不再列为关爱对象。</translation>
    </message>
</context>
<context>
    <name>FlagModel</name>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>关爱类别</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>复核日期</translation>
    </message>
    <message numerus="yes">
        <source>+%n sensitive</source>
        <translation>
            <numerusform>另有 %n 项敏感类别</numerusform>
        </translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
</context>
<context>
    <name>FlagsTab</name>
    <message>
        <source>Every colour</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>Show sensitive details</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <source>Illness, disability, minimum living allowance (dibao), mental disorder, community correction and the reasons are sensitive personal information (PIPL Art. 28): shown only when needed.</source>
        <translation>疾病、残疾、低保、精神障碍、社区矫正以及标记原因属于敏感个人信息（个人信息保护法第二十八条）：只在需要时显示。</translation>
    </message>
    <message>
        <source>Set colour…</source>
        <translation>设定颜色…</translation>
    </message>
    <message>
        <source>Major event…</source>
        <translation>重大事件…</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>打开这一户</translation>
    </message>
    <message>
        <source>To flag someone new, open their household and use “Care colour…” on the member.</source>
        <translation>要标记新的关爱对象，请打开其所在户，在家庭成员页选中此人，点“关爱颜色…”。</translation>
    </message>
    <message>
        <source>overdue {0}</source>
        <translation>逾期 {0}</translation>
    </message>
</context>
<context>
    <name>GasScreen</name>
    <message>
        <source>Gas safety</source>
        <translation>燃气安全</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>New inspection… (Ctrl+I)</source>
        <translation>新检查…（Ctrl+I）</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未了结</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>All hazards</source>
        <translation>全部隐患</translation>
    </message>
    <message>
        <source>Every grade</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Print notices for the list</source>
        <translation>打印列表中的整改通知书</translation>
    </message>
    <message>
        <source>A notice for every hazard listed that has a deadline</source>
        <translation>列表中每条有整改期限的隐患各一份通知书</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Households whose gas check is due, and those to try again after nobody was home. Press Enter or double-click to record the inspection.</source>
        <translation>到期该做燃气检查的住户，以及上次到访不遇要再次上门的住户。按回车或双击录入检查。</translation>
    </message>
    <message>
        <source>Inspect…</source>
        <translation>检查…</translation>
    </message>
    <message>
        <source>Households due</source>
        <translation>应检住户</translation>
    </message>
    <message>
        <source>Every outcome</source>
        <translation>全部检查情况</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>近三个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>打开这一户</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Month figures</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <source>Not closed {0}</source>
        <translation>未了结 {0}</translation>
    </message>
    <message>
        <source>Late {0}</source>
        <translation>逾期 {0}</translation>
    </message>
    <message>
        <source>Major {0}</source>
        <translation>重大 {0}</translation>
    </message>
    <message>
        <source>To recheck {0}</source>
        <translation>待复查 {0}</translation>
    </message>
    <message>
        <source>Refuses {0}</source>
        <translation>拒不整改 {0}</translation>
    </message>
    <message>
        <source>Escalated {0}</source>
        <translation>已上报 {0}</translation>
    </message>
    <message>
        <source>Due for a check {0}</source>
        <translation>应检 {0} 户</translation>
    </message>
    <message>
        <source>({0} not home)</source>
        <translation>（到访不遇 {0}）</translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s)</source>
        <translation>
            <numerusform>%n 条隐患</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>逾期 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) due</source>
        <translation>
            <numerusform>应检 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n 次检查</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} done, {1} not home or refused</source>
        <translation>已检查 {0}，到访不遇或拒绝入户 {1}</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应检</translation>
    </message>
    <message>
        <source>Due and inspected</source>
        <translation>应检已检</translation>
    </message>
    <message>
        <source>Households inspected</source>
        <translation>检查户数</translation>
    </message>
    <message>
        <source>Refused entry</source>
        <translation>拒绝入户</translation>
    </message>
    <message>
        <source>Found: {0}</source>
        <translation>发现{0}</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Rechecked</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Recheck failed</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} households due were inspected ({3}). Late and not closed as of {4}.</source>
        <translation>{0}：应检 {2} 户，已检 {1} 户（{3}）。逾期、未了结按 {4} 计。</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>已检</translation>
    </message>
</context>
<context>
    <name>GasTables</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} hazard(s)</source>
        <translation>{0} 处</translation>
    </message>
    <message>
        <source> ({0} major)</source>
        <translation>（重大 {0}）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>已签</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <source>Last inspected</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>上次未入户</translation>
    </message>
</context>
<context>
    <name>GasWords</name>
    <message>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>到访不遇</translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation>拒绝入户</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>To put right</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Put right, to recheck</source>
        <translation>已整改待复查</translation>
    </message>
    <message>
        <source>Refuses to put right</source>
        <translation>拒不整改</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Rechecked, OK</source>
        <translation>复查合格</translation>
    </message>
    <message>
        <source>Household told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Recheck failed</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <source>{0} day(s) late</source>
        <translation>逾期 {0} 天</translation>
    </message>
</context>
<context>
    <name>HazardPanel</name>
    <message>
        <source>Choose a hazard in the list.</source>
        <translation>在列表中选一条隐患。</translation>
    </message>
    <message>
        <source>Recheck… (R)</source>
        <translation>复查…（R）</translation>
    </message>
    <message>
        <source>Put right… (F)</source>
        <translation>已整改…（F）</translation>
    </message>
    <message>
        <source>Refuses…</source>
        <translation>拒不整改…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>上报…</translation>
    </message>
    <message>
        <source>Undo last step</source>
        <translation>撤销最近一步</translation>
    </message>
    <message>
        <source>Print notice (P)</source>
        <translation>打印通知书（P）</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>打开这一户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>整改记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>This hazard is no longer here.</source>
        <translation>这条隐患已不在本机。</translation>
    </message>
    <message>
        <source>Found {0} by {1}: {2}</source>
        <translation>{0} {1} 发现：{2}</translation>
    </message>
    <message>
        <source>Deadline: {0}</source>
        <translation>整改期限：{0}</translation>
    </message>
    <message>
        <source>none (advice)</source>
        <translation>无（提示项）</translation>
    </message>
    <message>
        <source>Remind the household on {0}</source>
        <translation>{0} 提醒住户</translation>
    </message>
    <message>
        <source>What it asks for: {0}</source>
        <translation>要求：{0}</translation>
    </message>
    <message>
        <source>Stop using gas at once.</source>
        <translation>立即停用燃气。</translation>
    </message>
    <message>
        <source>Steps ({0})</source>
        <translation>整改记录（{0}）</translation>
    </message>
    <message>
        <source>Undo “{0}” of {1}? Why (optional):</source>
        <translation>撤销 {1} 的“{0}”？原因（可不填）：</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Sent / received</source>
        <translation>发出/收到</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Other side</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{0} changes</source>
        <translation>{0} 条修改</translation>
    </message>
    <message>
        <source>{0} new, {1} already held, {2} conflicts</source>
        <translation>新 {0} 条，已有 {1} 条，冲突 {2} 处</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Edit household</source>
        <translation>修改住户</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新建住户</translation>
    </message>
    <message>
        <source>Micro-grid *</source>
        <translation>微网格 *</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>e.g. 3栋</source>
        <translation>如 3栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>e.g. 2单元</source>
        <translation>如 2单元</translation>
    </message>
    <message>
        <source>Room *</source>
        <translation>房号 *</translation>
    </message>
    <message>
        <source>e.g. 301</source>
        <translation>如 301</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Residency</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <source>e.g. 人户一致</source>
        <translation>如 人户一致</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>household contact number</source>
        <translation>住户联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Estate *</source>
        <translation>小区 *</translation>
    </message>
    <message>
        <source>House use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <source>After saving, you can add the people who live here.</source>
        <translation>保存后即可添加在这里居住的人。</translation>
    </message>
    <message>
        <source>The head of household is {0}, the member living here who is the head. To change the head, change the members&apos; relations to the head.</source>
        <translation>户主是{0}，即本户与户主关系为本人的成员。要更换户主，请修改成员的与户主关系。</translation>
    </message>
    <message>
        <source>Taken from the member who is the head</source>
        <translation>取自成员中与户主关系为本人的人</translation>
    </message>
    <message>
        <source>estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HouseholdGasTabs</name>
    <message>
        <source>Enter its gas inspection…</source>
        <translation>录入燃气检查…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>New inspection…</source>
        <translation>新检查…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Gas inspections</source>
        <translation>燃气检查</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Never inspected: due since {0}.</source>
        <translation>从未检查，{0} 起应检。</translation>
    </message>
    <message numerus="yes">
        <source>Next inspection was due {0}: %n day(s) late.</source>
        <translation>
            <numerusform>应于 {0} 检查，已逾期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Last inspected {0}; next due {1}.</source>
        <translation>上次检查 {0}，下次应检 {1}。</translation>
    </message>
    <message>
        <source>Last attempt {0}: {1}.</source>
        <translation>上次上门 {0}：{1}。</translation>
    </message>
    <message>
        <source>Gas inspections ({0})</source>
        <translation>燃气检查（{0}）</translation>
    </message>
    <message>
        <source>Hazards ({0} open)</source>
        <translation>隐患（未了结 {0}）</translation>
    </message>
    <message>
        <source>Hazards ({0})</source>
        <translation>隐患（{0}）</translation>
    </message>
    <message>
        <source>This inspection was voided.</source>
        <translation>这条检查记录已作废。</translation>
    </message>
    <message>
        <source>Void an inspection</source>
        <translation>作废检查记录</translation>
    </message>
    <message>
        <source>Void the inspection of {0} and the hazards it found? Why:</source>
        <translation>作废 {0} 的检查记录和它发现的隐患？原因：</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Say why it is voided.</source>
        <translation>请写明作废的原因。</translation>
    </message>
    <message>
        <source>Paper sheet of {0} scanned: enter what is written on it.</source>
        <translation>已扫描 {0} 的纸质表：录入表上填写的内容。</translation>
    </message>
    <message>
        <source>Paper sheet scanned: enter what is written on it.</source>
        <translation>已扫描纸质表：录入表上填写的内容。</translation>
    </message>
</context>
<context>
    <name>HouseholdNeedsTab</name>
    <message>
        <source>Record a need…</source>
        <translation>登记诉求…</translation>
    </message>
    <message>
        <source>Open / next step…</source>
        <translation>查看 / 下一步…</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>No needs recorded yet.</source>
        <translation>还没有诉求。</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回花名册</translation>
    </message>
    <message>
        <source>Edit household…</source>
        <translation>修改住户…</translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation>打印入户表</translation>
    </message>
    <message>
        <source>Print this household&apos;s visit sheet</source>
        <translation>打印这一户的入户走访登记表</translation>
    </message>
    <message>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>户主：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>House use:</source>
        <translation>房屋用途：</translation>
    </message>
    <message>
        <source>Residency:</source>
        <translation>人户状态：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Moved out…</source>
        <translation>迁出…</translation>
    </message>
    <message>
        <source>Deceased…</source>
        <translation>死亡…</translation>
    </message>
    <message>
        <source>Living here again</source>
        <translation>恢复在住</translation>
    </message>
    <message>
        <source>Care colour…</source>
        <translation>关爱颜色…</translation>
    </message>
    <message>
        <source>Set or change the member&apos;s three-colour care flag</source>
        <translation>设定或修改这位成员的三色关爱颜色</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Visits ({0})</source>
        <translation>走访记录（{0}）</translation>
    </message>
    <message>
        <source>Needs ({0})</source>
        <translation>诉求（{0}）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This household no longer exists.</source>
        <translation>这一户已不存在。</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <source>Members ({0})</source>
        <translation>家庭成员（{0}）</translation>
    </message>
    <message>
        <source> (received)</source>
        <translation>（同步收到）</translation>
    </message>
    <message>
        <source>Change history ({0})</source>
        <translation>修改记录（{0}）</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>请先选中一位成员。</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Which household?</source>
        <translation>检查哪一户？</translation>
    </message>
    <message>
        <source>Name, pinyin initials, address, last digits of ID or phone</source>
        <translation>姓名、拼音首字母、地址、身份证或电话尾号</translation>
    </message>
    <message>
        <source>Households due for their check:</source>
        <translation>到期该检查的住户：</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) found</source>
        <translation>
            <numerusform>找到 %n 户</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a household</source>
        <translation>选择住户</translation>
    </message>
</context>
<context>
    <name>HouseholdVisitsTab</name>
    <message>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Record a visit to this household (Ctrl+Shift+V)</source>
        <translation>登记对这一户的走访（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>走访事由</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>见到的居民</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <source>No visits recorded yet.</source>
        <translation>还没有走访记录。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a roster spreadsheet</source>
        <translation>导入花名册表格</translation>
    </message>
    <message>
        <source>New residents</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <source>These rows will not be imported:</source>
        <translation>以下各行不会导入：</translation>
    </message>
    <message>
        <source>Leave out the rows with problems and import the rest</source>
        <translation>跳过有问题的行，只导入其余的行</translation>
    </message>
    <message>
        <source>Save problem rows as CSV…</source>
        <translation>把问题行另存为 CSV…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a roster spreadsheet</source>
        <translation>选择花名册表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>File: {0} (headers in row {1}, {2} data rows)</source>
        <translation>文件：{0}（表头在第 {1} 行，共 {2} 行数据）</translation>
    </message>
    <message>
        <source>File: {0} (sheet “{1}”, headers in row {2}, {3} data rows)</source>
        <translation>文件：{0}（工作表“{1}”，表头在第 {2} 行，共 {3} 行数据）</translation>
    </message>
    <message>
        <source>Households: {0} new, {1} updated.</source>
        <translation>住户：新增 {0} 户，更新 {1} 户。</translation>
    </message>
    <message>
        <source>Columns not used: {0}</source>
        <translation>未使用的列：{0}</translation>
    </message>
    <message>
        <source>Nothing will be written while rows have problems: correct them in the file and import again, or leave those rows out.</source>
        <translation>有问题的行存在时不会写入任何数据：请在表格中改正后重新导入，或选择跳过这些行。</translation>
    </message>
    <message>
        <source>Everything in this file is already in the roster.</source>
        <translation>表格中的内容花名册里都已经有了。</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>目前还没有写入任何数据，确认后才导入。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Save problem rows</source>
        <translation>保存问题行</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Check what will change, then press Import. Nothing has been written yet.</source>
        <translation>请先看清会有哪些变化，再点“导入”。现在还没有写入任何数据。</translation>
    </message>
    <message>
        <source>None of the chosen files can be imported:</source>
        <translation>选中的文件都不能导入：</translation>
    </message>
    <message>
        <source>Cannot be imported:</source>
        <translation>不能导入：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>All {0} bundles were imported.</source>
        <translation>{0} 个数据包全部导入成功。</translation>
    </message>
    <message>
        <source>{0} of {1} bundles were imported.</source>
        <translation>{1} 个数据包中导入了 {0} 个。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Correct a gas inspection</source>
        <translation>修改燃气检查记录</translation>
    </message>
    <message>
        <source>Gas inspection</source>
        <translation>燃气入户安全检查</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>检查日期：</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>检查人：</translation>
    </message>
    <message>
        <source>Keys: 1 OK · 2 Hazard · 3 Not applicable · ↑↓ item · Enter note · A the rest OK · G graver grade · Ctrl+S save</source>
        <translation>按键：1 合格 · 2 隐患 · 3 不适用 · ↑↓ 换项 · 回车 写说明 · A 其余全部合格 · G 加重等级 · Ctrl+S 保存</translation>
    </message>
    <message>
        <source>No items are answered when nobody was home or entry was refused; the household stays due and comes back on the work list.</source>
        <translation>到访不遇或拒绝入户时不填检查项；这一户仍然应检，会再次出现在工作清单上。</translation>
    </message>
    <message>
        <source>Signed by the household</source>
        <translation>户主已签字</translation>
    </message>
    <message>
        <source>Remarks on the whole inspection</source>
        <translation>整次检查的备注</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(head: {0})</source>
        <translation>（户主 {0}）</translation>
    </message>
    <message>
        <source>last inspected {0}</source>
        <translation>上次检查 {0}</translation>
    </message>
    <message>
        <source>never inspected</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Gas inspection — {0} · {1} · checklist v{2}</source>
        <translation>燃气入户安全检查 — {0} · {1} · 检查表第 {2} 版</translation>
    </message>
    <message>
        <source>Answered {0} of {1}</source>
        <translation>已填 {0}/{1} 项</translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s)</source>
        <translation>
            <numerusform>隐患 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n major)</source>
        <translation>
            <numerusform>（重大 %n 处）</numerusform>
        </translation>
    </message>
    <message>
        <source>Major hazard: {0}</source>
        <translation>重大隐患：{0}</translation>
    </message>
    <message>
        <source>Stop using gas at once and close the gas valve.</source>
        <translation>立即停用燃气、关闭燃气阀门。</translation>
    </message>
    <message>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <source>Has the household been told?</source>
        <translation>已经当面告知住户了吗？</translation>
    </message>
    <message>
        <source>Household told — save</source>
        <translation>已告知住户，保存</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Choose an inspection.</source>
        <translation>选一次检查。</translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation>检查人 {0}</translation>
    </message>
    <message>
        <source>signed by the household</source>
        <translation>户主已签字</translation>
    </message>
    <message>
        <source>checklist v{0}</source>
        <translation>检查表第 {0} 版</translation>
    </message>
    <message>
        <source>This computer does not hold that checklist version: items show their codes.</source>
        <translation>本机没有这一版检查表，检查项显示为代码。</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>{0} (another computer gave: {1}; correct the inspection to settle it)</source>
        <translation>{0}（另一台电脑填的是：{1}；修改这次检查即可统一）</translation>
    </message>
    <message>
        <source>No items: {0}</source>
        <translation>没有检查项：{0}</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Hazard when: {0}</source>
        <translation>隐患情形：{0}</translation>
    </message>
    <message>
        <source>grade {0}</source>
        <translation>等级 {0}</translation>
    </message>
    <message>
        <source>Note (what was found)</source>
        <translation>说明（发现的情况）</translation>
    </message>
    <message>
        <source>{0} → {1} (G)</source>
        <translation>{0} → {1}（G）</translation>
    </message>
    <message>
        <source>Hazard grade: {0}</source>
        <translation>隐患等级：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GridWorker</source>
        <translation>网格员工作台</translation>
    </message>
    <message>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民花名册</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Gas safety</source>
        <translation>燃气安全</translation>
    </message>
    <message>
        <source>Care colours</source>
        <translation>三色关爱</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>花名册(&amp;R)</translation>
    </message>
    <message>
        <source>Find a resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <source>New household / member</source>
        <translation>新建住户 / 成员</translation>
    </message>
    <message>
        <source>Import roster spreadsheet…</source>
        <translation>导入花名册表格…</translation>
    </message>
    <message>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export bundle for the office…</source>
        <translation>导出同步包给社区…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>{0} households · {1} residents · {2} moved out · {3} deceased</source>
        <translation>{0} 户 · 在住 {1} 人 · 迁出 {2} 人 · 死亡 {3} 人</translation>
    </message>
    <message>
        <source>Last bundle exported {0}</source>
        <translation>上次导出同步包 {0}</translation>
    </message>
    <message>
        <source>Last bundle imported {0}</source>
        <translation>上次导入同步包 {0}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MonthTab</name>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>{0} of {1} ({2})</source>
        <translation>{0}/{1}（{2}）</translation>
    </message>
    <message>
        <source>Flagged residents visited within their interval</source>
        <translation>关爱对象按期走访</translation>
    </message>
    <message>
        <source>Visits by method: {0} visits, {1} households</source>
        <translation>走访方式：共 {0} 次，{1} 户</translation>
    </message>
    <message>
        <source>Raised this month</source>
        <translation>本月收集</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>Passed up</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Past the deadline</source>
        <translation>逾期未办</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Within the interval: the last counting visit up to the end of the month (or today) is within the colour&apos;s interval. Answered: solved on the spot or fed back.</source>
        <translation>按期走访：到月底（本月则到今天）为止，最近一次算数的走访在该颜色的走访间隔之内。已办结：现场解决或已反馈结果。</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>经过：</translation>
    </message>
    <message>
        <source>Solved on the &amp;spot…</source>
        <translation>现场解决(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Pass up…</source>
        <translation>上报(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Feed back…</source>
        <translation>反馈结果(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Return visit…</source>
        <translation>回访(&amp;R)…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>This need was entered by mistake</source>
        <translation>这条诉求是录错的</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This need no longer exists.</source>
        <translation>这条诉求已不存在。</translation>
    </message>
    <message>
        <source>{0} · raised {1} by {2} · {3} · {4}</source>
        <translation>{0} · {1} 由{2}提出 · {3} · {4}</translation>
    </message>
    <message>
        <source>the household</source>
        <translation>这一户</translation>
    </message>
    <message>
        <source>{0} days past the deadline</source>
        <translation>已超过期限 {0} 天</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>Passed up</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Revisited</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Void this need</source>
        <translation>作废这条诉求</translation>
    </message>
    <message>
        <source>Why is it void (entered by mistake)?</source>
        <translation>为什么作废（录错了什么）？</translation>
    </message>
</context>
<context>
    <name>NeedLine</name>
    <message>
        <source>What the resident asked for</source>
        <translation>居民反映的问题或请求</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>How</source>
        <translation>怎样解决的</translation>
    </message>
    <message>
        <source>Remove this need</source>
        <translation>删去这条诉求</translation>
    </message>
</context>
<context>
    <name>NeedStepDialog</name>
    <message>
        <source>Solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>Pass up to an owner</source>
        <translation>上报给承办人</translation>
    </message>
    <message>
        <source>Feed back the result</source>
        <translation>反馈办理结果</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>How it was solved:</source>
        <translation>解决情况：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>承办人：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>办理期限：</translation>
    </message>
    <message>
        <source>e.g. 物业公司, 街道民政科</source>
        <translation>如 物业公司、街道民政科</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Past their deadline</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Waiting for a return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>New need…</source>
        <translation>新诉求…</translation>
    </message>
    <message>
        <source>Open / next step…</source>
        <translation>查看 / 下一步…</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>{0} days past the deadline</source>
        <translation>已超过期限 {0} 天</translation>
    </message>
    <message>
        <source>{0} needs</source>
        <translation>{0} 条诉求</translation>
    </message>
</context>
<context>
    <name>NewNeedDialog</name>
    <message>
        <source>Record a need</source>
        <translation>登记诉求</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>What the resident asked for</source>
        <translation>居民反映的问题或请求</translation>
    </message>
    <message>
        <source>The household</source>
        <translation>这一户</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Solved on the spot:</source>
        <translation>现场解决：</translation>
    </message>
    <message>
        <source>&amp;Need:</source>
        <translation>诉求(&amp;N)：</translation>
    </message>
    <message>
        <source>Raised by:</source>
        <translation>提出人：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Raised on:</source>
        <translation>登记日期：</translation>
    </message>
</context>
<context>
    <name>PaperSheetDialog</name>
    <message>
        <source>Enter a paper sheet</source>
        <translation>录入纸质表</translation>
    </message>
    <message>
        <source>Scan the QR code on the paper sheet with the scanner, or type the code printed under it (GW1:…).</source>
        <translation>用扫码枪扫描纸质表上的二维码，或输入二维码下方印的编码（GW1:…）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This is not the code of a GridWorker sheet.</source>
        <translation>这不是网格员工作台入户表的编码。</translation>
    </message>
    <message>
        <source>No household with this code is in this database.</source>
        <translation>本机数据中没有这个编码对应的住户。</translation>
    </message>
</context>
<context>
    <name>PrintScreen</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Visit sheets (one page a household)</source>
        <translation>入户走访登记表（每户一页）</translation>
    </message>
    <message>
        <source>Gas hazard notices</source>
        <translation>燃气隐患整改通知书</translation>
    </message>
    <message>
        <source>This week&apos;s visit list</source>
        <translation>本周走访清单</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月度工作报表</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>打印内容：</translation>
    </message>
    <message>
        <source>Choose a micro-grid</source>
        <translation>请选择微网格</translation>
    </message>
    <message>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>Print for an estate or building instead</source>
        <translation>改为按小区或楼栋打印</translation>
    </message>
    <message>
        <source>Any day of the week to plan</source>
        <translation>要安排的那一周中的任一天</translation>
    </message>
    <message>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <source>Estate:</source>
        <translation>小区：</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>楼栋：</translation>
    </message>
    <message>
        <source>Households:</source>
        <translation>住户：</translation>
    </message>
    <message>
        <source>Date on the sheets:</source>
        <translation>表上日期：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>周：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Make the PDF and show it here (F5)</source>
        <translation>生成 PDF 并在这里显示（F5）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Looking for a Chinese font…</source>
        <translation>正在查找中文字体…</translation>
    </message>
    <message>
        <source>Choose a document and press Preview.</source>
        <translation>选好打印内容后，按“预览”。</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) chosen in the roster</source>
        <translation>
            <numerusform>已在花名册中选定 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s) chosen on the gas screen</source>
        <translation>
            <numerusform>在燃气安全页选了 %n 条隐患</numerusform>
        </translation>
    </message>
    <message>
        <source>Every household with work due by the Sunday of the chosen week, grouped by stairwell, most urgent first. Phone numbers are printed masked.</source>
        <translation>所选这一周周日前到期的每一户，按楼栋单元排路线，最急的在前。电话只印部分。</translation>
    </message>
    <message>
        <source>The month&apos;s roster, visit, care, need and gas-safety figures, per micro-grid and for the community.</source>
        <translation>本月的花名册、走访、关爱、诉求和燃气安全数字，按微网格分列，并有全社区合计。</translation>
    </message>
    <message>
        <source>One page a hazard, in two parts: the household keeps the upper one, the lower comes back signed. Without hazards chosen, every hazard of the place not yet put right is printed (a second notice for a refusal).</source>
        <translation>每条隐患一页，分两联：上联交住户，下联签收后交回。没有选隐患时，打印所选范围内全部未整改的隐患（拒不整改的印再次通知）。</translation>
    </message>
    <message>
        <source>ID and phone numbers are printed masked; sensitive groups are never printed. Scan the QR code to open the household.</source>
        <translation>身份证号和电话只印部分，敏感人群不印。扫描表上的二维码即可打开这一户。</translation>
    </message>
    <message>
        <source>Font: {0} (embedded in the PDF)</source>
        <translation>字体：{0}（已嵌入 PDF）</translation>
    </message>
    <message>
        <source>Font: {0} (not embedded)</source>
        <translation>字体：{0}（未嵌入）</translation>
    </message>
    <message>
        <source>Choose a micro-grid first.</source>
        <translation>请先选择微网格。</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>{0} households, {1} pages</source>
        <translation>{0} 户，{1} 页</translation>
    </message>
    <message>
        <source>{0} notices, {1} pages</source>
        <translation>{0} 份通知书，{1} 页</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <source>Printing page {0} of {1}</source>
        <translation>正在打印：第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <source>There are no households to print.</source>
        <translation>没有要打印的住户。</translation>
    </message>
    <message>
        <source>Making visit sheets: {0} of {1} households</source>
        <translation>正在生成入户走访登记表：第 {0} 户，共 {1} 户</translation>
    </message>
    <message>
        <source>There are no hazards that need a notice.</source>
        <translation>没有需要打印整改通知书的隐患。</translation>
    </message>
    <message>
        <source>Making notices: {0} of {1}</source>
        <translation>正在生成整改通知书：第 {0} 份，共 {1} 份</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>修改居民信息</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18 位，如 11010519491231002X</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 13800001234</source>
        <translation>手机或座机，如 13800001234</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Population type</source>
        <translation>人口类型</translation>
    </message>
    <message>
        <source>Change the status with the buttons under the member list.</source>
        <translation>请用成员列表下方的按钮更改状态。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Special groups</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Use the 18-digit number {0}</source>
        <translation>改用18位号码 {0}</translation>
    </message>
    <message>
        <source>Converted by the rule for old numbers: check it against the ID card.</source>
        <translation>按旧号码的规则换算得出：请与身份证原件核对。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>{0} of 18 characters</source>
        <translation>已输入 {0} 位，共 18 位</translation>
    </message>
    <message>
        <source>Born {0}, {1}, {2} years old</source>
        <translation>出生日期 {0}，{1}，{2} 岁</translation>
    </message>
    <message>
        <source>Taken from the ID number</source>
        <translation>由身份证号得出</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Save this person anyway?</source>
        <translation>仍然保存这个人吗？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Population type</source>
        <translation>人口类型</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>人口类型</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Relation to the head of household</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Special groups</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <source>Search: name, pinyin initials, address, last digits of ID or phone</source>
        <translation>搜索：姓名、拼音首字母、地址、身份证号或电话尾号</translation>
    </message>
    <message>
        <source>New household…</source>
        <translation>新建住户…</translation>
    </message>
    <message>
        <source>Register a household and its residents (Ctrl+N)</source>
        <translation>登记一户及其成员 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a roster spreadsheet (.xlsx or .csv)</source>
        <translation>导入花名册表格（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the roster as a spreadsheet</source>
        <translation>把花名册保存为表格</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>Living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <source>Any care colour</source>
        <translation>全部关爱颜色</translation>
    </message>
    <message>
        <source>Care colours (red/yellow/green) come with the three-colour care feature.</source>
        <translation>关爱颜色（红/黄/绿）将随三色关爱功能提供。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Double-click a resident to open their household. ID and phone numbers are masked in this list.</source>
        <translation>双击居民打开其所在户（一户一档）。列表中的身份证号和电话已打码。</translation>
    </message>
    <message>
        <source>No one is registered yet</source>
        <translation>花名册里还没有人</translation>
    </message>
    <message>
        <source>Start with the roster the community office gave you: “Import a roster spreadsheet” reads an Excel (.xlsx) or CSV file and shows what it will add before anything is saved. Or register the households one by one with “New household”.</source>
        <translation>先导入社区给你的花名册：“导入花名册表格”读取 Excel（.xlsx）或 CSV 文件，保存前先列出将要添加的内容。也可以用“新建住户”逐户登记。</translation>
    </message>
    <message>
        <source>Import a roster spreadsheet…</source>
        <translation>导入花名册表格…</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>The list shows {0} residents (your search and filters). Export only them, or everyone in the roster?</source>
        <translation>列表中现在是 {0} 位居民（按你的搜索和筛选）。只导出这些人，还是导出花名册里的所有人？</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only the {0} listed</source>
        <translation>只导出这 {0} 人</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Exporting the roster is not available in this version yet.</source>
        <translation>本版本还不能导出花名册。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the roster…</source>
        <translation>正在导出花名册…</translation>
    </message>
    <message>
        <source>{0} residents were saved to {1}</source>
        <translation>已把 {0} 位居民保存到 {1}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print visit sheets, or enter a filled-in paper sheet</source>
        <translation>打印入户走访登记表，或录入填好的纸质表</translation>
    </message>
    <message>
        <source>Sheets for the selected households</source>
        <translation>选中居民所在住户的入户表</translation>
    </message>
    <message>
        <source>Sheets for every household listed</source>
        <translation>列表中全部住户的入户表</translation>
    </message>
    <message>
        <source>Enter a paper sheet…</source>
        <translation>录入纸质表…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Select one or more residents first.</source>
        <translation>请先选中一位或几位居民。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>First {0} matches; type more to narrow the search</source>
        <translation>只显示前 {0} 条结果，请输入更多字缩小范围</translation>
    </message>
    <message>
        <source>{0} matches</source>
        <translation>找到 {0} 人</translation>
    </message>
    <message>
        <source>{0} residents</source>
        <translation>共 {0} 人</translation>
    </message>
    <message>
        <source>living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{1} {0} 人</translation>
    </message>
    <message>
        <source>Also found: {0} — show them</source>
        <translation>另有 {0}（被状态筛选隐藏）——点此显示</translation>
    </message>
    <message>
        <source>The status filter hides them; this shows every status.</source>
        <translation>状态筛选隐藏了他们；点此改为显示全部状态。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The window is redrawn in the language you choose at once.</source>
        <translation>选好语言后，窗口会立即换成该语言显示。</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large (easier to read)</source>
        <translation>大字（更易阅读）</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>本机安装</translation>
    </message>
    <message>
        <source>Micro-grid worker</source>
        <translation>微网格员</translation>
    </message>
    <message>
        <source>Community office</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>使用人：</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>This computer&apos;s full id: {0}</source>
        <translation>本机的完整编号：{0}</translation>
    </message>
    <message>
        <source>This computer:</source>
        <translation>本机识别码：</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A copy of the database is kept before every bundle import and upgrade. If the database is damaged, restore the newest copy marked “good”. The current file is kept beside it, never deleted.</source>
        <translation>每次导入数据包和升级之前都会保留一份数据库副本。数据库损坏时，请恢复标着“完好”的最新一份。当前的文件会留在旁边，不会删除。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>用这个备份恢复…</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>good</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>用备份恢复</translation>
    </message>
    <message>
        <source>Replace the database with the backup of {0}? Changes made since then will be gone from this computer (the current file is kept beside it). The program closes afterwards; start it again.</source>
        <translation>用 {0} 的备份替换数据库吗？那以后在本机做的修改将不再显示（当前的文件会留在旁边）。恢复后程序会关闭，请重新打开。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>已恢复备份</translation>
    </message>
    <message>
        <source>The backup was restored. The file it replaced is kept as {0}. GridWorker will close now; start it again to go on working.</source>
        <translation>备份已恢复。被替换的文件保留为 {0}。网格员工作台现在会关闭，请重新打开继续工作。</translation>
    </message>
    <message>
        <source>Font for printing</source>
        <translation>打印字体</translation>
    </message>
    <message>
        <source>Choose a font file…</source>
        <translation>选择字体文件…</translation>
    </message>
    <message>
        <source>Find one automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Using the font file {0}</source>
        <translation>使用字体文件 {0}</translation>
    </message>
    <message>
        <source>A Chinese TrueType font on this computer is found automatically (Microsoft YaHei, SimSun, WenQuanYi…).</source>
        <translation>自动使用本机的中文 TrueType 字体（微软雅黑、宋体、文泉驿等）。</translation>
    </message>
    <message>
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</source>
        <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to GridWorker</source>
        <translation>欢迎使用网格员工作台</translation>
    </message>
    <message>
        <source>I am a micro-grid worker (网格员)</source>
        <translation>我是微网格员</translation>
    </message>
    <message>
        <source>This is the community office (社区)</source>
        <translation>这是社区办公室的电脑</translation>
    </message>
    <message>
        <source>New or replaced laptop: set up from the office&apos;s set-up bundle</source>
        <translation>新电脑或换电脑：用社区发来的配置包建立</translation>
    </message>
    <message>
        <source>Just look around with made-up demo data</source>
        <translation>先用虚构的示范数据看看</translation>
    </message>
    <message>
        <source>The demo is kept apart from your own data and is gone when you close it; you can set up this computer afterwards.</source>
        <translation>示范数据和您自己的数据分开存放，关闭程序后就没有了；看完以后仍然可以再设置这台电脑。</translation>
    </message>
    <message>
        <source>e.g. 致强社区</source>
        <translation>如 致强社区</translation>
    </message>
    <message>
        <source>e.g. 第三微网格</source>
        <translation>如 第三微网格</translation>
    </message>
    <message>
        <source>the .gwbundle.json file the office gave you</source>
        <translation>社区给您的 .gwbundle.json 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Your micro-grid</source>
        <translation>负责的微网格</translation>
    </message>
    <message>
        <source>Choose the set-up bundle</source>
        <translation>选择配置包</translation>
    </message>
    <message>
        <source>Use this bundle</source>
        <translation>用这个配置包</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>This computer has no GridWorker data yet. Choose how it will be used; the data is kept on this computer in the folder {0}.</source>
        <translation>这台电脑上还没有网格员工作台的数据。请选择用途；数据保存在本机的文件夹 {0} 中。</translation>
    </message>
    <message>
        <source>Set-up bundle</source>
        <translation>配置包</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Record moving out</source>
        <translation>登记迁出</translation>
    </message>
    <message>
        <source>Record a death</source>
        <translation>登记死亡</translation>
    </message>
    <message>
        <source>Living here again</source>
        <translation>恢复在住</translation>
    </message>
    <message>
        <source>{0} will be marked as moved out. The record is kept, with its history; it leaves the list of people living here.</source>
        <translation>{0} 将被登记为迁出。档案和修改记录都会保留，只是不再列入在住人员。</translation>
    </message>
    <message>
        <source>{0} will be marked as deceased. The record is kept, with its history; it leaves the list of people living here.</source>
        <translation>{0} 将被登记为死亡。档案和修改记录都会保留，只是不再列入在住人员。</translation>
    </message>
    <message>
        <source>{0} will be marked as living here again.</source>
        <translation>{0} 将恢复为在住。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>e.g. 成都市武侯区, or another community</source>
        <translation>如 成都市武侯区，或某某社区</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>迁往</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>迁出原因</translation>
    </message>
    <message>
        <source>Both may be left empty; they are added to the notes.</source>
        <translation>两项都可以不填；填了会记在备注里。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Office users</source>
        <translation>社区人员</translation>
    </message>
    <message>
        <source>Last bundle received</source>
        <translation>最后收到数据包</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <source>Changes its worker has not received yet</source>
        <translation>网格员还没收到的修改</translation>
    </message>
    <message>
        <source>Changes the office has not received yet</source>
        <translation>社区还没收到的修改</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Sent in a bundle, or still to send, and not yet confirmed by a bundle from the other side: the next bundle carries them again, so nothing is lost.</source>
        <translation>已经发出或还没发出、对方还没有用数据包确认收到的修改：下一个数据包会再带上它们，不会丢失。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未收到</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Recheck a hazard</source>
        <translation>复查隐患</translation>
    </message>
    <message>
        <source>The household put it right</source>
        <translation>住户已整改</translation>
    </message>
    <message>
        <source>The household refuses to put it right</source>
        <translation>住户拒不整改</translation>
    </message>
    <message>
        <source>Escalate the hazard</source>
        <translation>上报隐患</translation>
    </message>
    <message>
        <source>Found {0}: {1} · deadline {2} · now {3}</source>
        <translation>{0} 发现：{1} · 整改期限 {2} · 现在 {3}</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Put right — recheck OK  (1)</source>
        <translation>已整改，复查合格  （1）</translation>
    </message>
    <message>
        <source>Still not put right  (2)</source>
        <translation>仍未整改  （2）</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>复查结果：</translation>
    </message>
    <message>
        <source>Give a new deadline (second notice)</source>
        <translation>给新的整改期限（再次通知）</translation>
    </message>
    <message>
        <source>New deadline:</source>
        <translation>新的整改期限：</translation>
    </message>
    <message>
        <source>To whom, and why (needed)</source>
        <translation>报给了谁、为什么（必填）</translation>
    </message>
    <message>
        <source>What was seen or said</source>
        <translation>看到或谈到的情况</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Done by:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>Choose the result of the recheck: 1 OK or 2 still not put right.</source>
        <translation>请选复查结果：1 复查合格，或 2 仍未整改。</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>{0} free</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>There are no bundles ({1}) in the folder {0}.</source>
        <translation>文件夹 {0} 里没有数据包（{1}）。</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Micro-grids</source>
        <translation>各微网格同步情况</translation>
    </message>
    <message>
        <source>Sync with the office</source>
        <translation>与社区的同步情况</translation>
    </message>
    <message>
        <source>Bundles sent and received</source>
        <translation>收发记录</translation>
    </message>
    <message>
        <source>Send: export a bundle</source>
        <translation>发出：导出数据包</translation>
    </message>
    <message>
        <source>Send to the community office</source>
        <translation>交给社区：导出数据包</translation>
    </message>
    <message>
        <source>Save each micro-grid&apos;s updates onto a USB drive for its worker. Plug in the drive, check it is chosen below, and press the button.</source>
        <translation>把各微网格的更新保存到U盘，交给网格员。插好U盘，确认下面选中的是它，再点按钮。</translation>
    </message>
    <message>
        <source>Save your changes onto a USB drive and take it to the community office. Plug in the drive, check it is chosen below, and press the button.</source>
        <translation>把您的修改保存到U盘，带到社区。插好U盘，确认下面选中的是它，再点按钮。</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Look for USB drives</source>
        <translation>重新查找U盘</translation>
    </message>
    <message>
        <source>No USB drive found: plug one in, or choose a folder.</source>
        <translation>没有找到U盘：请插入U盘，或选择一个文件夹。</translation>
    </message>
    <message>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <source>All micro-grids (one file each)</source>
        <translation>全部微网格（每个一个文件）</translation>
    </message>
    <message>
        <source>Export to USB drive</source>
        <translation>导出到U盘</translation>
    </message>
    <message>
        <source>Everything the chosen micro-grid&apos;s laptop needs: on a new or replaced laptop, choose “set up from the office&apos;s set-up bundle” at the first start.</source>
        <translation>所选微网格的电脑需要的全部数据：新电脑或换电脑第一次启动时，选择“用社区发来的配置包建立”。</translation>
    </message>
    <message>
        <source>Receive: import bundles</source>
        <translation>收到：导入数据包</translation>
    </message>
    <message>
        <source>Import the bundles the workers brought. You can choose several files or a whole folder; you will see what changes before anything is saved.</source>
        <translation>导入网格员交来的数据包。可以一次选多个文件或整个文件夹；保存之前会先告诉您会有哪些变化。</translation>
    </message>
    <message>
        <source>Import the bundle the community office gave you. You will see what it changes before anything is saved.</source>
        <translation>导入社区交给您的数据包。保存之前会先告诉您会有哪些变化。</translation>
    </message>
    <message>
        <source>Choose bundle files…</source>
        <translation>选择数据包文件…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>冲突 ({0})</translation>
    </message>
    <message>
        <source>Choose the folder to save the bundle in</source>
        <translation>选择保存数据包的文件夹</translation>
    </message>
    <message>
        <source>A set-up bundle is for one laptop: choose its micro-grid under “Micro-grid” first.</source>
        <translation>配置包是给一台电脑用的：请先在“微网格”里选中它的微网格。</translation>
    </message>
    <message>
        <source>The USB drive {0} is no longer there: plug it in again and retry.</source>
        <translation>U盘 {0} 已经拔出了，请重新插好后再试。</translation>
    </message>
    <message>
        <source>The folder {0} does not exist (is the USB drive plugged in?).</source>
        <translation>文件夹 {0} 不存在（U盘插好了吗？）。</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <source>The set-up bundle {0} for {1}</source>
        <translation>{1}的配置包 {0}</translation>
    </message>
    <message>
        <source>On the new laptop, start GridWorker and choose “set up from the office&apos;s set-up bundle”.</source>
        <translation>在新电脑上启动网格员工作台，选择“用社区发来的配置包建立”。</translation>
    </message>
    <message>
        <source>You can now safely remove the USB drive.</source>
        <translation>可以安全拔出U盘。</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Set-up bundle…</source>
        <translation>生成配置包…</translation>
    </message>
    <message>
        <source>{0} bundles</source>
        <translation>{0} 个数据包</translation>
    </message>
    <message>
        <source>The bundle {0} ({1} changes)</source>
        <translation>数据包 {0}（{1} 条修改）</translation>
    </message>
    <message>
        <source>{0} was written to the USB drive {1} and checked.</source>
        <translation>{0}已写入U盘 {1}，并已读回校验。</translation>
    </message>
    <message>
        <source>{0} was saved in the folder {1} and checked.</source>
        <translation>{0}已保存在文件夹 {1} 中，并已读回校验。</translation>
    </message>
    <message>
        <source>This folder is not a USB drive: copy the file onto a USB drive to take it to the office.</source>
        <translation>这个文件夹不是U盘：请把文件复制到U盘上，再带去社区。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Choose the folder with the bundles</source>
        <translation>选择存放数据包的文件夹</translation>
    </message>
    <message>
        <source>Checking the bundles…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>Importing the bundles…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>SyncViews</name>
    <message>
        <source>Worker&apos;s report</source>
        <translation>网格员上报</translation>
    </message>
    <message>
        <source>From the office</source>
        <translation>社区回传</translation>
    </message>
    <message>
        <source>Set-up bundle</source>
        <translation>配置包</translation>
    </message>
    <message>
        <source>{file}: {kind} from {user} ({grid}), made {when}</source>
        <translation>{file}：{kind}，来自 {user}（{grid}），生成于 {when}</translation>
    </message>
    <message>
        <source>{0} changes: {1} new, {2} already here.</source>
        <translation>共 {0} 条修改：新的 {1} 条，已有 {2} 条。</translation>
    </message>
    <message>
        <source>New {0}: {1}</source>
        <translation>新增{0} {1} 个</translation>
    </message>
    <message>
        <source>Changed {0}: {1}</source>
        <translation>修改{0} {1} 个</translation>
    </message>
    <message>
        <source>{0} conflicts will arise (the same item changed on both sides; both values are kept for you to check)</source>
        <translation>将产生 {0} 处冲突（两边都改了同一项，两个值都会保留，等您核对）</translation>
    </message>
    <message>
        <source>This bundle was imported before; importing it again changes nothing.</source>
        <translation>这个数据包以前导入过，再导入不会改变任何数据。</translation>
    </message>
    <message>
        <source>its worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>No bundle has been received from {0} yet.</source>
        <translation>还没有收到过{0}的数据包。</translation>
    </message>
    <message>
        <source>No bundle from {0} for {1} days.</source>
        <translation>已有 {1} 天没有收到{0}的数据包。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>
({0})</source>
        <translation>
（{0}）</translation>
    </message>
    <message>
        <source>{0} ({1}): {2} bundles, {3} new changes, {4} already held, {5} conflicts</source>
        <translation>{0}（{1}）：{2} 个数据包，新修改 {3} 条，已有 {4} 条，冲突 {5} 处</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>没有导入的文件：</translation>
    </message>
    <message>
        <source>Skipped, meant for another computer: {0}</source>
        <translation>已跳过（是发给别的电脑的）：{0}</translation>
    </message>
    <message>
        <source>The import was cancelled. Files already imported are kept; the file being imported was not written.</source>
        <translation>导入已取消。已经导入的文件保留；正在导入的那个文件没有写入。</translation>
    </message>
    <message>
        <source>No bundles were found to import.</source>
        <translation>没有找到要导入的数据包。</translation>
    </message>
    <message>
        <source>{0} conflicts: please check them under Conflicts below.</source>
        <translation>有 {0} 处冲突，请在下方“冲突”里核对。</translation>
    </message>
    <message>
        <source>{0} of {1} bundles imported: {2} new changes, {3} conflicts.</source>
        <translation>{1} 个数据包中导入了 {0} 个：新修改 {2} 条，冲突 {3} 处。</translation>
    </message>
    <message>
        <source>{0} could not be imported (see the details).</source>
        <translation>{0} 个没有导入（见详情）。</translation>
    </message>
    <message>
        <source>{0} bundles for other computers were skipped.</source>
        <translation>跳过了 {0} 个发给别的电脑的数据包。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>today {t}</source>
        <translation>今天 {t}</translation>
    </message>
    <message>
        <source>yesterday {t}</source>
        <translation>昨天 {t}</translation>
    </message>
    <message>
        <source>{d} {mon} {t}</source>
        <translation>{m}月{d}日 {t}</translation>
    </message>
    <message>
        <source>{d} {mon} {y}, {t}</source>
        <translation>{y}年{m}月{d}日 {t}</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Show the list as of another day, to plan the week</source>
        <translation>看另一天的清单，安排这一周</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>Print the week…</source>
        <translation>打印本周清单…</translation>
    </message>
    <message>
        <source>This week&apos;s route with every household due</source>
        <translation>本周要走访的每一户，排成路线</translation>
    </message>
    <message>
        <source>Enter or a double click opens the form for the entry, filled in for it.</source>
        <translation>按回车或双击，打开这一项要填的表（已预先填好）。</translation>
    </message>
    <message>
        <source>Nothing is due on {0}.</source>
        <translation>{0} 没有到期的工作。</translation>
    </message>
    <message>
        <source>All {0}</source>
        <translation>全部 {0}</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>日期和时间(&amp;D)：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>走访方式：</translation>
    </message>
    <message>
        <source>Purposes:</source>
        <translation>走访事由：</translation>
    </message>
    <message>
        <source>Residents met:</source>
        <translation>见到的居民：</translation>
    </message>
    <message>
        <source>What you saw and heard, in your own words</source>
        <translation>看到和听到的情况，用自己的话写</translation>
    </message>
    <message>
        <source>&amp;Situation:</source>
        <translation>走访情况(&amp;S)：</translation>
    </message>
    <message>
        <source>Blood pressure, systolic/diastolic (optional)</source>
        <translation>血压，高压/低压（可不填）</translation>
    </message>
    <message>
        <source>Return visit on</source>
        <translation>约定回访</translation>
    </message>
    <message>
        <source>Blood pressure:</source>
        <translation>血压：</translation>
    </message>
    <message>
        <source>Several names: separate them with a comma</source>
        <translation>几个人时用逗号隔开</translation>
    </message>
    <message>
        <source>&amp;Visited by:</source>
        <translation>走访人(&amp;V)：</translation>
    </message>
    <message>
        <source>Add a &amp;need</source>
        <translation>添加诉求(&amp;N)</translation>
    </message>
    <message>
        <source>A request the household made during the visit</source>
        <translation>走访时居民提出的诉求</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>诉求：</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation>按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <source>This household no longer exists.</source>
        <translation>这一户已不存在。</translation>
    </message>
    <message>
        <source>Care colour: {0}</source>
        <translation>关爱颜色：{0}</translation>
    </message>
    <message>
        <source>Nobody lives here now.</source>
        <translation>这一户现在没有人住。</translation>
    </message>
    <message>
        <source>{0} years</source>
        <translation>{0} 岁</translation>
    </message>
    <message>
        <source>e.g. nobody answered; a neighbour said…</source>
        <translation>如：敲门无人应答，邻居说……</translation>
    </message>
    <message>
        <source>Tick the residents you met, or choose “nobody home”.</source>
        <translation>请勾选见到的居民，或选“到访不遇”。</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <source>Visits and needs</source>
        <translation>走访记录与诉求</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Any method</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>全部事由</translation>
    </message>
    <message>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>The selected visit was entered by mistake</source>
        <translation>选中的走访是录错的</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>走访事由</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>见到的居民</translation>
    </message>
    <message>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>{0} visits</source>
        <translation>{0} 次走访</translation>
    </message>
    <message>
        <source>No visits in this range.</source>
        <translation>这段时间没有走访记录。</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>Return visit on</source>
        <translation>约定回访</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <source>Needs raised</source>
        <translation>收集的诉求</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Select a visit first.</source>
        <translation>请先选中一次走访。</translation>
    </message>
    <message>
        <source>Void this visit</source>
        <translation>作废这次走访</translation>
    </message>
    <message>
        <source>Why is it void (entered by mistake)?</source>
        <translation>为什么作废（录错了什么）？</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>WorkModel</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Days late</source>
        <comment>short column title: days overdue</comment>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareScreen</name>
    <message>
        <location filename="../../gridworker/ui/care/screen.py" line="16"/>
        <source>Three-colour care</source>
        <translation>三色关爱</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/care/screen.py" line="17"/>
        <source>Care flags are not available in this version yet.</source>
        <translation>本版本还没有三色关爱功能。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/care/screen.py" line="19"/>
        <source>Red, yellow and green care levels for vulnerable residents</source>
        <translation>困难和特殊群体居民的红、黄、绿关爱等级</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/care/screen.py" line="20"/>
        <source>Why each resident has their colour, and when it was last reviewed</source>
        <translation>每位居民为什么是这个颜色，上次复核是什么时候</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/care/screen.py" line="21"/>
        <source>How often each colour must be visited, and who is overdue</source>
        <translation>各颜色应多久走访一次，谁已经超期</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="185"/>
        <source>The same item was changed in two places. The current value is kept for now and the other is saved here: choose which one is right.</source>
        <translation>同一项在两处都被修改过。现在先用“当前值”，另一个值保存在这里：请核对后选择正确的一个。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="193"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="194"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="195"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="196"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="205"/>
        <source>No conflicts: nothing needs checking.</source>
        <translation>没有冲突，不需要核对。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="214"/>
        <source>Keep current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="215"/>
        <source>Use the other value</source>
        <translation>改用另一个值</translation>
    </message>
</context>
<context>
    <name>DbRunner</name>
    <message>
        <location filename="../../gridworker/ui/worker.py" line="80"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/worker.py" line="84"/>
        <source>Database error: {0}</source>
        <translation>数据库出错：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/worker.py" line="86"/>
        <source>Could not read or write a file: {0}</source>
        <translation>文件读写失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/worker.py" line="89"/>
        <source>Unexpected error ({0}): {1}</source>
        <translation>意外错误（{0}）：{1}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gridworker/ui/widgets.py" line="145"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/widgets.py" line="147"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../gridworker/ui/widgets.py" line="71"/>
        <source>This page will show:</source>
        <translation>这一页将会显示：</translation>
    </message>
</context>
<context>
    <name>GasScreen</name>
    <message>
        <location filename="../../gridworker/ui/gas/screen.py" line="16"/>
        <source>Gas safety</source>
        <translation>燃气安全</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/gas/screen.py" line="17"/>
        <source>Gas-safety inspections are not available in this version yet.</source>
        <translation>本版本还没有燃气安全检查功能。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/gas/screen.py" line="19"/>
        <source>Inspections of each household with the checklist results</source>
        <translation>各户的燃气安全检查及检查表结果</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/gas/screen.py" line="20"/>
        <source>Hazards found, with their rectification deadlines and re-checks</source>
        <translation>发现的隐患、整改期限和复查</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/gas/screen.py" line="21"/>
        <source>Households not yet inspected this round</source>
        <translation>本轮尚未检查的住户</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="299"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="300"/>
        <source>Sent / received</source>
        <translation>发出/收到</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="301"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="302"/>
        <source>Other side</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="303"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="304"/>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="305"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="320"/>
        <source>{0} changes</source>
        <translation>{0} 条修改</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="322"/>
        <source>{0} new, {1} already held, {2} conflicts</source>
        <translation>新 {0} 条，已有 {1} 条，冲突 {2} 处</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="328"/>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="328"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="53"/>
        <source>Edit household</source>
        <translation>修改住户</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="53"/>
        <source>New household</source>
        <translation>新建住户</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="60"/>
        <source>Micro-grid *</source>
        <translation>微网格 *</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="66"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="66"/>
        <source>e.g. 3栋</source>
        <translation>如 3栋</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="67"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="67"/>
        <source>e.g. 2单元</source>
        <translation>如 2单元</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="68"/>
        <source>Room *</source>
        <translation>房号 *</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="68"/>
        <source>e.g. 301</source>
        <translation>如 301</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="69"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="70"/>
        <source>Residency</source>
        <translation>人户状态</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="70"/>
        <source>e.g. 人户一致</source>
        <translation>如 人户一致</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="71"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="71"/>
        <source>household contact number</source>
        <translation>住户联系电话</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="72"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="78"/>
        <source>Estate *</source>
        <translation>小区 *</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="88"/>
        <source>House use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="93"/>
        <source>After saving, you can add the people who live here.</source>
        <translation>保存后即可添加在这里居住的人。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="152"/>
        <source>estate</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="152"/>
        <source>room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="158"/>
        <source>Please fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_dialog.py" line="158"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="85"/>
        <source>← Back to the list</source>
        <translation>← 返回花名册</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="94"/>
        <source>Edit household…</source>
        <translation>修改住户…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="106"/>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="107"/>
        <source>Head:</source>
        <translation>户主：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="108"/>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="114"/>
        <source>House use:</source>
        <translation>房屋用途：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="115"/>
        <source>Residency:</source>
        <translation>人户状态：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="116"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="150"/>
        <source>Add member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="152"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="154"/>
        <source>Moved out…</source>
        <translation>迁出…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="156"/>
        <source>Deceased…</source>
        <translation>死亡…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="158"/>
        <source>Living here again</source>
        <translation>恢复在住</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="170"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="172"/>
        <source>This tab is filled by a later version of the program.</source>
        <translation>这一页的内容将在程序的后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="175"/>
        <location filename="../../gridworker/ui/roster/household_page.py" line="179"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="177"/>
        <source>Each visit to this household: date, who was met, what was noted</source>
        <translation>对这户的每次走访：日期、见到了谁、记录了什么</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="183"/>
        <location filename="../../gridworker/ui/roster/household_page.py" line="187"/>
        <source>Gas inspections</source>
        <translation>燃气检查</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="185"/>
        <source>Gas-safety inspections of this household with the checklist results</source>
        <translation>这户的燃气安全检查及检查表结果</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="191"/>
        <location filename="../../gridworker/ui/roster/household_page.py" line="195"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="193"/>
        <source>Hazards found here and how they were put right</source>
        <translation>在这户发现的隐患及整改情况</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="199"/>
        <location filename="../../gridworker/ui/roster/household_page.py" line="203"/>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="201"/>
        <source>Requests for help this household made, and their progress</source>
        <translation>这户提出的诉求及办理进度</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="208"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="208"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="208"/>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="213"/>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="220"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="236"/>
        <source>This household no longer exists.</source>
        <translation>这一户已不存在。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="241"/>
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="249"/>
        <source>Members ({0})</source>
        <translation>家庭成员（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="252"/>
        <source> (received)</source>
        <translation>（同步收到）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="261"/>
        <source>Change history ({0})</source>
        <translation>修改记录（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/household_page.py" line="291"/>
        <source>Select a member first.</source>
        <translation>请先选中一位成员。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="108"/>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="311"/>
        <source>Import a roster spreadsheet</source>
        <translation>导入花名册表格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="125"/>
        <source>New residents</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="126"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="127"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="128"/>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="146"/>
        <source>These rows will not be imported:</source>
        <translation>以下各行不会导入：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="157"/>
        <source>Leave out the rows with problems and import the rest</source>
        <translation>跳过有问题的行，只导入其余的行</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="166"/>
        <source>Save problem rows as CSV…</source>
        <translation>把问题行另存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="170"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="173"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="184"/>
        <source>Choose a roster spreadsheet</source>
        <translation>选择花名册表格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="186"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="205"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="213"/>
        <source>File: {0} (sheet “{1}”, headers in row {2}, {3} data rows)</source>
        <translation>文件：{0}（工作表“{1}”，表头在第 {2} 行，共 {3} 行数据）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="226"/>
        <source>Households: {0} new, {1} updated.</source>
        <translation>住户：新增 {0} 户，更新 {1} 户。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="230"/>
        <source>Columns not used: {0}</source>
        <translation>未使用的列：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="263"/>
        <source>Nothing will be written while rows have problems: correct them in the sheet and import again, or leave those rows out.</source>
        <translation>有问题的行存在时不会写入任何数据：请在表格中改正后重新导入，或选择跳过这些行。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="268"/>
        <source>Everything in this sheet is already in the roster.</source>
        <translation>表格中的内容花名册里都已经有了。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="270"/>
        <source>Nothing has been written yet.</source>
        <translation>目前还没有写入任何数据，确认后才导入。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="291"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="300"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="318"/>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="324"/>
        <source>Save problem rows</source>
        <translation>保存问题行</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="318"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="400"/>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="407"/>
        <source>Check what will change, then press Import. Nothing has been written yet.</source>
        <translation>请先看清会有哪些变化，再点“导入”。现在还没有写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="410"/>
        <source>None of the chosen files can be imported:</source>
        <translation>选中的文件都不能导入：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="419"/>
        <source>Cannot be imported:</source>
        <translation>不能导入：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="424"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="425"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="507"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="512"/>
        <source>All {0} bundles were imported.</source>
        <translation>{0} 个数据包全部导入成功。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="514"/>
        <source>{0} of {1} bundles were imported.</source>
        <translation>{1} 个数据包中导入了 {0} 个。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="526"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gridworker/ui/app.py" line="73"/>
        <location filename="../../gridworker/ui/main_window.py" line="65"/>
        <source>GridWorker</source>
        <translation>网格员工作台</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="80"/>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="81"/>
        <source>Residents</source>
        <translation>居民花名册</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="82"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="83"/>
        <source>Gas safety</source>
        <translation>燃气安全</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="84"/>
        <source>Care colours</source>
        <translation>三色关爱</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="85"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="86"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="87"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="128"/>
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="128"/>
        <source>Office</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="132"/>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="134"/>
        <location filename="../../gridworker/ui/main_window.py" line="243"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="146"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="147"/>
        <source>&amp;Roster</source>
        <translation>花名册(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="148"/>
        <source>Find a resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="151"/>
        <source>New household / member</source>
        <translation>新建住户 / 成员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="154"/>
        <source>Import roster spreadsheet…</source>
        <translation>导入花名册表格…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="156"/>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="158"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="161"/>
        <source>Export bundle for the office…</source>
        <translation>导出同步包给社区…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="164"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="231"/>
        <source>{0} households · {1} residents · {2} moved out · {3} deceased</source>
        <translation>{0} 户 · 在住 {1} 人 · 迁出 {2} 人 · 死亡 {3} 人</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="238"/>
        <source>Last bundle exported {0}</source>
        <translation>上次导出同步包 {0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="240"/>
        <source>Last bundle imported {0}</source>
        <translation>上次导入同步包 {0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/main_window.py" line="241"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../gridworker/ui/wording.py" line="52"/>
        <source>、</source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PrintScreen</name>
    <message>
        <location filename="../../gridworker/ui/printing/screen.py" line="16"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/printing/screen.py" line="17"/>
        <source>Printing is not available in this version yet.</source>
        <translation>本版本还没有打印功能。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/printing/screen.py" line="19"/>
        <source>Visit sheets for a building or estate, with masked ID numbers</source>
        <translation>按楼栋或小区打印走访表（身份证号打码）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/printing/screen.py" line="20"/>
        <source>Gas-safety notices to leave with a household</source>
        <translation>留给住户的燃气安全告知书</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/printing/screen.py" line="21"/>
        <source>Monthly reports for the community office</source>
        <translation>报给社区的月度报表</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="55"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="56"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/import_dialog.py" line="57"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../gridworker/ui/widgets.py" line="175"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/widgets.py" line="206"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="87"/>
        <source>Edit resident</source>
        <translation>修改居民信息</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="87"/>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="93"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="96"/>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18 位，如 11010519491231002X</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="102"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="109"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="113"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="120"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="122"/>
        <source>mobile or landline, e.g. 13800001234</source>
        <translation>手机或座机，如 13800001234</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="124"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="134"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="142"/>
        <source>Population type</source>
        <translation>人口类型</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="149"/>
        <source>Change the status with the buttons under the member list.</source>
        <translation>请用成员列表下方的按钮更改状态。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="151"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="153"/>
        <source>Special groups</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="165"/>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="169"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="309"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="219"/>
        <source>Please enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="233"/>
        <source>{0} of 18 characters</source>
        <translation>已输入 {0} 位，共 18 位</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="244"/>
        <source>Born {0}, {1}, {2} years old</source>
        <translation>出生日期 {0}，{1}，{2} 岁</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="259"/>
        <source>Taken from the ID number</source>
        <translation>由身份证号得出</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="302"/>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="303"/>
        <source>Save this person anyway?</source>
        <translation>仍然保存这个人吗？</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="308"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="48"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="49"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="50"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="51"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="52"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="53"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="54"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="55"/>
        <source>Population type</source>
        <translation>人口类型</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="57"/>
        <source>Special groups</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/model.py" line="64"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="98"/>
        <source>Search: name, pinyin initials, address, last digits of ID or phone</source>
        <translation>搜索：姓名、拼音首字母、地址、身份证号或电话尾号</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="103"/>
        <source>New household…</source>
        <translation>新建住户…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="104"/>
        <source>Register a household and its residents (Ctrl+N)</source>
        <translation>登记一户及其成员 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="106"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="107"/>
        <source>Import a roster spreadsheet (.xlsx or .csv)</source>
        <translation>导入花名册表格（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="109"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="110"/>
        <source>Save the roster as a spreadsheet</source>
        <translation>把花名册保存为表格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="118"/>
        <source>All micro-grids</source>
        <translation>全部微网格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="121"/>
        <source>All estates</source>
        <translation>全部小区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="123"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="126"/>
        <source>Living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="127"/>
        <source>Moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="128"/>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="129"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="131"/>
        <source>All groups</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="136"/>
        <source>Any care colour</source>
        <translation>全部关爱颜色</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="139"/>
        <source>Care colours (red/yellow/green) come with the three-colour care feature.</source>
        <translation>关爱颜色（红/黄/绿）将随三色关爱功能提供。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="155"/>
        <location filename="../../gridworker/ui/roster/screen.py" line="314"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="192"/>
        <source>Double-click a resident to open their household. ID and phone numbers are masked in this list.</source>
        <translation>双击居民打开其所在户（一户一档）。列表中的身份证号和电话已打码。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="258"/>
        <location filename="../../gridworker/ui/roster/screen.py" line="264"/>
        <location filename="../../gridworker/ui/roster/screen.py" line="288"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="259"/>
        <source>Exporting the roster is not available in this version yet.</source>
        <translation>本版本还不能导出花名册。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="266"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="281"/>
        <source>Exporting the roster…</source>
        <translation>正在导出花名册…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="289"/>
        <source>{0} residents were saved to {1}</source>
        <translation>已把 {0} 位居民保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="314"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="333"/>
        <source>First {0} matches; type more to narrow the search</source>
        <translation>只显示前 {0} 条结果，请输入更多字缩小范围</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="336"/>
        <source>{0} matches</source>
        <translation>找到 {0} 人</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/screen.py" line="338"/>
        <source>{0} residents</source>
        <translation>共 {0} 人</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="36"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="47"/>
        <source>A new language takes effect when the program is started again.</source>
        <translation>更换的语言在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="54"/>
        <source>Text size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="56"/>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="57"/>
        <source>Large (easier to read)</source>
        <translation>大字（更易阅读）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="68"/>
        <source>This installation</source>
        <translation>本机安装</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="71"/>
        <source>Micro-grid worker</source>
        <translation>微网格员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="73"/>
        <source>Community office</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="75"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="76"/>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="78"/>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="79"/>
        <source>User:</source>
        <translation>使用人：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="82"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/settings/screen.py" line="84"/>
        <source>Device id:</source>
        <translation>设备编号：</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="36"/>
        <source>Welcome to GridWorker</source>
        <translation>欢迎使用网格员工作台</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="41"/>
        <source>This computer has no GridWorker data yet. Choose how it will be used; the data is kept on this computer in {0}.</source>
        <translation>这台电脑上还没有网格员工作台的数据。请选择用途；数据保存在本机的 {0}。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="48"/>
        <source>I am a micro-grid worker (网格员)</source>
        <translation>我是微网格员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="49"/>
        <source>This is the community office (社区)</source>
        <translation>这是社区办公室的电脑</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="50"/>
        <source>Just look around with made-up demo data</source>
        <translation>先用虚构的示范数据看看</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="59"/>
        <source>e.g. 致强社区</source>
        <translation>如 致强社区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="61"/>
        <source>e.g. 第三微网格</source>
        <translation>如 第三微网格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="63"/>
        <source>Your micro-grid</source>
        <translation>负责的微网格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="64"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="66"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="74"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/setup_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="349"/>
        <source>Record moving out</source>
        <translation>登记迁出</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="350"/>
        <source>Record a death</source>
        <translation>登记死亡</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="351"/>
        <source>Living here again</source>
        <translation>恢复在住</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="357"/>
        <source>{0} will be marked as moved out. The record is kept, with its history; it leaves the list of people living here.</source>
        <translation>{0} 将被登记为迁出。档案和修改记录都会保留，只是不再列入在住人员。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="361"/>
        <source>{0} will be marked as deceased. The record is kept, with its history; it leaves the list of people living here.</source>
        <translation>{0} 将被登记为死亡。档案和修改记录都会保留，只是不再列入在住人员。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="364"/>
        <source>{0} will be marked as living here again.</source>
        <translation>{0} 将恢复为在住。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="375"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="382"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/roster/resident_dialog.py" line="383"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="347"/>
        <source>Micro-grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="348"/>
        <source>Workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="348"/>
        <source>Office users</source>
        <translation>社区人员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="349"/>
        <source>Last bundle received</source>
        <translation>最后收到数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="350"/>
        <source>Days since</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="351"/>
        <source>Changes not yet confirmed by the other side</source>
        <translation>对方尚未确认收到的修改</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="352"/>
        <source>Note</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="369"/>
        <source>Never</source>
        <translation>从未收到</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="107"/>
        <source>{0} free</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="111"/>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="150"/>
        <source>There are no bundles ({1}) in the folder {0}.</source>
        <translation>文件夹 {0} 里没有数据包（{1}）。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="196"/>
        <location filename="../../gridworker/ui/sync/screen.py" line="332"/>
        <location filename="../../gridworker/ui/sync/screen.py" line="558"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="199"/>
        <source>Micro-grids</source>
        <translation>各微网格同步情况</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="199"/>
        <source>Sync with the office</source>
        <translation>与社区的同步情况</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="201"/>
        <source>Bundles sent and received</source>
        <translation>收发记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="213"/>
        <source>Send: export a bundle</source>
        <translation>发出：导出数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="215"/>
        <source>Send to the community office</source>
        <translation>交给社区：导出数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="222"/>
        <source>Save each micro-grid&apos;s updates onto a USB drive for its worker. Plug in the drive, check it is chosen below, and press the button.</source>
        <translation>把各微网格的更新保存到U盘，交给网格员。插好U盘，确认下面选中的是它，再点按钮。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="227"/>
        <source>Save your changes onto a USB drive and take it to the community office. Plug in the drive, check it is chosen below, and press the button.</source>
        <translation>把您的修改保存到U盘，带到社区。插好U盘，确认下面选中的是它，再点按钮。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="233"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="243"/>
        <source>Look for USB drives</source>
        <translation>重新查找U盘</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="246"/>
        <source>No USB drive found: plug one in, or choose a folder.</source>
        <translation>没有找到U盘：请插入U盘，或选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="257"/>
        <source>Micro-grid:</source>
        <translation>微网格：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="258"/>
        <source>All micro-grids (one file each)</source>
        <translation>全部微网格（每个一个文件）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="261"/>
        <source>Export to USB drive</source>
        <translation>导出到U盘</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="273"/>
        <source>Receive: import bundles</source>
        <translation>收到：导入数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="278"/>
        <source>Import the bundles the workers brought. You can choose several files or a whole folder; you will see what changes before anything is saved.</source>
        <translation>导入网格员交来的数据包。可以一次选多个文件或整个文件夹；保存之前会先告诉您会有哪些变化。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="283"/>
        <source>Import the bundle the community office gave you. You will see what it changes before anything is saved.</source>
        <translation>导入社区交给您的数据包。保存之前会先告诉您会有哪些变化。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="290"/>
        <source>Choose bundle files…</source>
        <translation>选择数据包文件…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="293"/>
        <location filename="../../gridworker/ui/sync/screen.py" line="362"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="305"/>
        <source>Show the details</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="332"/>
        <source>Conflicts ({0})</source>
        <translation>冲突 ({0})</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="385"/>
        <source>Choose the folder to save the bundle in</source>
        <translation>选择保存数据包的文件夹</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="411"/>
        <source>The USB drive {0} is no longer there: plug it in again and retry.</source>
        <translation>U盘 {0} 已经拔出了，请重新插好后再试。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="419"/>
        <source>The folder {0} does not exist (is the USB drive plugged in?).</source>
        <translation>文件夹 {0} 不存在（U盘插好了吗？）。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="437"/>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="448"/>
        <source>{0} bundles were written into {1} and checked.</source>
        <translation>已把 {0} 个数据包写入 {1}，并读回校验无误。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="452"/>
        <source>The bundle {0} ({1} changes) was written and checked.</source>
        <translation>数据包 {0}（{1} 条修改）已写入，并读回校验无误。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="455"/>
        <source>You can now safely remove the USB drive.</source>
        <translation>可以安全拔出U盘。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="457"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="465"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="476"/>
        <source>Choose the bundles to import</source>
        <translation>选择要导入的数据包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="478"/>
        <source>Bundles ({0});;All files (*)</source>
        <translation>数据包 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="485"/>
        <source>Choose the folder with the bundles</source>
        <translation>选择存放数据包的文件夹</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="498"/>
        <source>Checking the bundles…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="520"/>
        <source>Importing the bundles…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/screen.py" line="544"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>SyncViews</name>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="60"/>
        <source>Worker&apos;s report</source>
        <translation>网格员上报</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="61"/>
        <source>From the office</source>
        <translation>社区回传</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="62"/>
        <source>Set-up bundle</source>
        <translation>配置包</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="71"/>
        <source>{file}: {kind} from {user} ({grid}), made {when}</source>
        <translation>{file}：{kind}，来自 {user}（{grid}），生成于 {when}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="80"/>
        <source>{0} changes: {1} new, {2} already here.</source>
        <translation>共 {0} 条修改：新的 {1} 条，已有 {2} 条。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="87"/>
        <source>New {0}: {1}</source>
        <translation>新增{0} {1} 个</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="94"/>
        <source>Changed {0}: {1}</source>
        <translation>修改{0} {1} 个</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="101"/>
        <source>{0} conflicts will arise (the same item changed on both sides; both values are kept for you to check)</source>
        <translation>将产生 {0} 处冲突（两边都改了同一项，两个值都会保留，等您核对）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="109"/>
        <source>This bundle was imported before; importing it again changes nothing.</source>
        <translation>这个数据包以前导入过，再导入不会改变任何数据。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="121"/>
        <source>its worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="123"/>
        <source>the office</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="126"/>
        <source>No bundle has been received from {0} yet.</source>
        <translation>还没有收到过{0}的数据包。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="129"/>
        <source>No bundle from {0} for {1} days.</source>
        <translation>已有 {1} 天没有收到{0}的数据包。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="137"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="140"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="142"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="151"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="243"/>
        <location filename="../../gridworker/ui/sync/views.py" line="256"/>
        <source>
({0})</source>
        <translation>
（{0}）</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="443"/>
        <source>{0} ({1}): {2} bundles, {3} new changes, {4} already held, {5} conflicts</source>
        <translation>{0}（{1}）：{2} 个数据包，新修改 {3} 条，已有 {4} 条，冲突 {5} 处</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="450"/>
        <source>Not imported:</source>
        <translation>没有导入的文件：</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="454"/>
        <source>Skipped, meant for another computer: {0}</source>
        <translation>已跳过（是发给别的电脑的）：{0}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="460"/>
        <source>The import was cancelled. Files already imported are kept; the file being imported was not written.</source>
        <translation>导入已取消。已经导入的文件保留；正在导入的那个文件没有写入。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="467"/>
        <source>No bundles were found to import.</source>
        <translation>没有找到要导入的数据包。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="471"/>
        <source>{0} conflicts: please check them under Conflicts below.</source>
        <translation>有 {0} 处冲突，请在下方“冲突”里核对。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="481"/>
        <source>{0} of {1} bundles imported: {2} new changes, {3} conflicts.</source>
        <translation>{1} 个数据包中导入了 {0} 个：新修改 {2} 条，冲突 {3} 处。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="490"/>
        <source>{0} could not be imported (see the details).</source>
        <translation>{0} 个没有导入（见详情）。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="494"/>
        <source>{0} bundles for other computers were skipped.</source>
        <translation>跳过了 {0} 个发给别的电脑的数据包。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/sync/views.py" line="498"/>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../gridworker/ui/timefmt.py" line="50"/>
        <source>today {t}</source>
        <translation>今天 {t}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/timefmt.py" line="52"/>
        <source>yesterday {t}</source>
        <translation>昨天 {t}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/timefmt.py" line="55"/>
        <source>{d} {mon} {t}</source>
        <translation>{m}月{d}日 {t}</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/timefmt.py" line="56"/>
        <source>{d} {mon} {y}, {t}</source>
        <translation>{y}年{m}月{d}日 {t}</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../../gridworker/ui/today/screen.py" line="16"/>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/today/screen.py" line="18"/>
        <source>The day&apos;s work list is not available in this version yet. It will be drawn from the visit records, care colours and gas-safety checks.</source>
        <translation>本版本还没有今日工作清单。以后它会根据走访记录、三色关爱和燃气安全检查自动列出。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/today/screen.py" line="22"/>
        <source>Residents whose care colour calls for a visit this week</source>
        <translation>按关爱颜色本周应走访的居民</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/today/screen.py" line="23"/>
        <source>Gas hazards waiting for a re-check</source>
        <translation>等待复查的燃气隐患</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/today/screen.py" line="24"/>
        <source>Open requests for help, with their due dates</source>
        <translation>尚未办结的诉求及其期限</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <location filename="../../gridworker/ui/visits/screen.py" line="16"/>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/visits/screen.py" line="17"/>
        <source>Visit records are not available in this version yet.</source>
        <translation>本版本还没有走访记录功能。</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/visits/screen.py" line="19"/>
        <source>Every door-to-door visit: date, household, who was met, notes</source>
        <translation>每次入户走访：日期、住户、见到了谁、记录</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/visits/screen.py" line="20"/>
        <source>Requests for help made during visits and how they were resolved</source>
        <translation>走访中收集的诉求及办理结果</translation>
    </message>
    <message>
        <location filename="../../gridworker/ui/visits/screen.py" line="21"/>
        <source>Visit sheets entered from paper after a round</source>
        <translation>走访结束后从纸质走访表录入</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../gridworker/ui/wording.py" line="21"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
</TS>

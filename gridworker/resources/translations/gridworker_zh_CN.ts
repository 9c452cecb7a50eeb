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
        <source>Care flags are not available in this version yet.</source>
        <translation>本版本还没有三色关爱功能。</translation>
    </message>
    <message>
        <source>Red, yellow and green care levels for vulnerable residents</source>
        <translation>困难和特殊群体居民的红、黄、绿关爱等级</translation>
    </message>
    <message>
        <source>Why each resident has their colour, and when it was last reviewed</source>
        <translation>每位居民为什么是这个颜色，上次复核是什么时候</translation>
    </message>
    <message>
        <source>How often each colour must be visited, and who is overdue</source>
        <translation>各颜色应多久走访一次，谁已经超期</translation>
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
    <name>EmptyState</name>
    <message>
        <source>This page will show:</source>
        <translation>这一页将会显示：</translation>
    </message>
</context>
<context>
    <name>GasScreen</name>
    <message>
        <source>Gas safety</source>
        <translation>燃气安全</translation>
    </message>
    <message>
        <source>Gas-safety inspections are not available in this version yet.</source>
        <translation>本版本还没有燃气安全检查功能。</translation>
    </message>
    <message>
        <source>Inspections of each household with the checklist results</source>
        <translation>各户的燃气安全检查及检查表结果</translation>
    </message>
    <message>
        <source>Hazards found, with their rectification deadlines and re-checks</source>
        <translation>发现的隐患、整改期限和复查</translation>
    </message>
    <message>
        <source>Households not yet inspected this round</source>
        <translation>本轮尚未检查的住户</translation>
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
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>This tab is filled by a later version of the program.</source>
        <translation>这一页的内容将在程序的后续版本中提供。</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Each visit to this household: date, who was met, what was noted</source>
        <translation>对这户的每次走访：日期、见到了谁、记录了什么</translation>
    </message>
    <message>
        <source>Gas inspections</source>
        <translation>燃气检查</translation>
    </message>
    <message>
        <source>Gas-safety inspections of this household with the checklist results</source>
        <translation>这户的燃气安全检查及检查表结果</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Hazards found here and how they were put right</source>
        <translation>在这户发现的隐患及整改情况</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Requests for help this household made, and their progress</source>
        <translation>这户提出的诉求及办理进度</translation>
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
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Hazard notices are printed once gas-safety inspections are recorded in the program.</source>
        <translation>本程序记录燃气安全检查之后，才能打印隐患整改通知书。</translation>
    </message>
    <message>
        <source>The week&apos;s visit list is printed once care colours and visits are recorded in the program.</source>
        <translation>本程序记录三色关爱和走访之后，才能打印本周走访清单。</translation>
    </message>
    <message>
        <source>For now the report holds the roster figures; visits, care, needs and gas figures are added as those features arrive.</source>
        <translation>报表目前只有花名册的数字；走访、关爱、诉求和燃气的数字在这些功能完成后加入。</translation>
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
        <source>The day&apos;s work list is not available in this version yet. It will be drawn from the visit records, care colours and gas-safety checks.</source>
        <translation>本版本还没有今日工作清单。以后它会根据走访记录、三色关爱和燃气安全检查自动列出。</translation>
    </message>
    <message>
        <source>Residents whose care colour calls for a visit this week</source>
        <translation>按关爱颜色本周应走访的居民</translation>
    </message>
    <message>
        <source>Gas hazards waiting for a re-check</source>
        <translation>等待复查的燃气隐患</translation>
    </message>
    <message>
        <source>Open requests for help, with their due dates</source>
        <translation>尚未办结的诉求及其期限</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Visit records are not available in this version yet.</source>
        <translation>本版本还没有走访记录功能。</translation>
    </message>
    <message>
        <source>Every door-to-door visit: date, household, who was met, notes</source>
        <translation>每次入户走访：日期、住户、见到了谁、记录</translation>
    </message>
    <message>
        <source>Requests for help made during visits and how they were resolved</source>
        <translation>走访中收集的诉求及办理结果</translation>
    </message>
    <message>
        <source>Visit sheets entered from paper after a round</source>
        <translation>走访结束后从纸质走访表录入</translation>
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
</TS>

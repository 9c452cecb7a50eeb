<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Messages</name>
    <message>
        <source>{column}被 Excel 转成了日期（{shown}），请把该列设为文本后重新填写</source>
        <translation>Excel turned {column} into a date ({shown}); set the column to text and enter it again</translation>
    </message>
    <message>
        <source>姓名不能是数字、日期或是/否（{shown}）</source>
        <translation>a name cannot be a number, a date or yes/no ({shown})</translation>
    </message>
    <message>
        <source>15位旧身份证号应为15位数字，实为“{number}”</source>
        <translation>An old 15-digit ID number must be 15 digits, not “{number}”</translation>
    </message>
    <message>
        <source> </source>
        <translation> </translation>
    </message>
    <message>
        <source>+{element}</source>
        <translation>+{element}</translation>
    </message>
    <message>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>CSV 文件格式有误（第 {line} 行）：{error}</source>
        <translation>The CSV file is malformed (line {line}): {error}</translation>
    </message>
    <message>
        <source>PDF 没有保存：{problem}。</source>
        <translation>The PDF was not saved: {problem}.</translation>
    </message>
    <message>
        <source>UTC 时间（如 2026-03-01T08:30:00Z）</source>
        <translation>a UTC time (such as 2026-03-01T08:30:00Z)</translation>
    </message>
    <message>
        <source>{app}（进程 {pid}，电脑 {host}）</source>
        <translation>{app} (process {pid} on {host})</translation>
    </message>
    <message>
        <source>{colour}关爱：上次走访 {last}，{due} 到期</source>
        <translation>{colour} care: last visit {last}, due {due}</translation>
    </message>
    <message>
        <source>{colour}关爱：上次走访 {last}，今天到期</source>
        <translation>{colour} care: last visit {last}, due today</translation>
    </message>
    <message>
        <source>{colour}关爱：上次走访 {last}，逾期 {days} 天</source>
        <translation>{colour} care: last visit {last}, {days} days overdue</translation>
    </message>
    <message>
        <source>{colour}关爱：标记后还没有算数的走访，{when}</source>
        <translation>{colour} care: no counting visit since flagged, {when}</translation>
    </message>
    <message>
        <source>{day} 走访时约定 {due} 再来回访</source>
        <translation>At the visit of {day}, a return visit was agreed for {due}</translation>
    </message>
    <message>
        <source>{due} 到期</source>
        <translation>due {due}</translation>
    </message>
    <message>
        <source>{event}（{day}）：{hours} 小时内入户探访，不论关爱颜色</source>
        <translation>{event} ({day}): visit at home within {hours} hours, whatever the colour</translation>
    </message>
    <message>
        <source>{field} {date} 早于1890年，请核对</source>
        <translation>{field} {date} is before 1890; please check it</translation>
    </message>
    <message>
        <source>{field} {date} 晚于今天</source>
        <translation>{field} {date} is later than today</translation>
    </message>
    <message>
        <source>{field} {elements}</source>
        <translation>{field} {elements}</translation>
    </message>
    <message>
        <source>{field} {old} → {new}</source>
        <translation>{field} {old} → {new}</translation>
    </message>
    <message>
        <source>{field}={value}</source>
        <translation>{field}={value}</translation>
    </message>
    <message>
        <source>{field}“{text}”不是日期，请写成 1990-01-02 这样的格式</source>
        <translation>{field} “{text}” is not a date; write it like 1990-01-02</translation>
    </message>
    <message>
        <source>{field}“{text}”不是有效日期</source>
        <translation>{field} “{text}” is not a valid date</translation>
    </message>
    <message>
        <source>{field}不能为空。</source>
        <translation>{field} cannot be empty.</translation>
    </message>
    <message>
        <source>{field}为空</source>
        <translation>{field} is empty</translation>
    </message>
    <message>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>{file} 不是可用的 TrueType 字体文件。</source>
        <translation>{file} is not a usable TrueType font file.</translation>
    </message>
    <message>
        <source>{folder} 是只读的（U盘可能打开了写保护）</source>
        <translation>{folder} is read-only (the USB stick may be write-protected)</translation>
    </message>
    <message>
        <source>{folder} 空间不足</source>
        <translation>{folder} is full</translation>
    </message>
    <message>
        <source>{folder} 空间不足（U盘满了）</source>
        <translation>there is not enough space in {folder} (the USB stick is full)</translation>
    </message>
    <message>
        <source>{kind}</source>
        <translation>{kind}</translation>
    </message>
    <message>
        <source>{kind} 第 {version} 版（{where}）</source>
        <translation>{kind}, version {version} ({where})</translation>
    </message>
    <message>
        <source>{kind}的版本号应大于现行的第 {current} 版，这份是第 {version} 版。</source>
        <translation>The version of the {kind} must be greater than version {current} now in force; this one is version {version}.</translation>
    </message>
    <message>
        <source>{lo} 到 {hi}</source>
        <translation>{lo} to {hi}</translation>
    </message>
    <message>
        <source>{name}的状态是“{status}”，不能登记重大事件。</source>
        <translation>{name}&apos;s status is “{status}”: no major event can be recorded.</translation>
    </message>
    <message>
        <source>{name}的状态是“{status}”，不能设定关爱颜色。</source>
        <translation>{name}&apos;s status is “{status}”: no care colour can be set.</translation>
    </message>
    <message>
        <source>{name}（{column}）</source>
        <translation>{name} ({column})</translation>
    </message>
    <message>
        <source>{name}（{reason}）</source>
        <translation>{name} ({reason})</translation>
    </message>
    <message>
        <source>{on} 拒绝燃气入户检查，再次上门</source>
        <translation>Refused the gas check on {on}: call again</translation>
    </message>
    <message>
        <source>{on} 燃气检查到访不遇，再次上门</source>
        <translation>Nobody home for the gas check on {on}: try again</translation>
    </message>
    <message>
        <source>{outcome}时没有检查，不填检查项（填了 {n} 项）。</source>
        <translation>With “{outcome}” nothing was checked, so no items are answered ({n} were given).</translation>
    </message>
    <message>
        <source>{path} 不是文件夹，数据包没有写成。</source>
        <translation>{path} is not a folder; the bundle was not written.</translation>
    </message>
    <message>
        <source>{path} 不是普通文件（可能是文件夹、设备或管道），数据包没有写成。</source>
        <translation>{path} is not a regular file (it may be a folder, a device or a pipe); the bundle was not written.</translation>
    </message>
    <message>
        <source>{path} 不是普通文件（可能是设备或管道），不是数据包。</source>
        <translation>{path} is not a regular file (it may be a device or a pipe), not a bundle.</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹，不是文件</source>
        <translation>{path} is a folder, not a file</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹；请给出 PDF 文件名，例如 入户表.pdf。</source>
        <translation>{path} is a folder; give a PDF file name, for example sheets.pdf.</translation>
    </message>
    <message>
        <source>{path} 是文件夹，不是数据包。</source>
        <translation>{path} is a folder, not a bundle.</translation>
    </message>
    <message>
        <source>{path} 的备份（最新的在前）：</source>
        <translation>Backups of {path} (newest first):</translation>
    </message>
    <message>
        <source>{path} 的路径中有一段不是文件夹</source>
        <translation>part of the path {path} is not a folder</translation>
    </message>
    <message>
        <source>{path} 还没有备份（备份在导入和升级前自动生成，放在 backups 文件夹）。</source>
        <translation>{path} has no backups yet (they are made before imports and upgrades, in the backups folder).</translation>
    </message>
    <message>
        <source>{problem} 在此之前已写入、校验并记为已发送 {count} 个文件：{files}；{name} 和之后的微网格没有导出。</source>
        <translation>{problem} Before that, {count} files were written, verified and recorded as sent: {files}; {name} and the micro-grids after it were not exported.</translation>
    </message>
    <message>
        <source>{problem}{fallback}</source>
        <translation>{problem} {fallback}</translation>
    </message>
    <message>
        <source>{problem}改用系统字体“{font}”。</source>
        <translation>{problem} Using the system font “{font}” instead.</translation>
    </message>
    <message>
        <source>{problem}没有导入任何数据。</source>
        <translation>{problem} Nothing was imported.</translation>
    </message>
    <message>
        <source>{record} {id}</source>
        <translation>{record} {id}</translation>
    </message>
    <message>
        <source>{record}「{name}」</source>
        <translation>{record} “{name}”</translation>
    </message>
    <message>
        <source>{record}不能作废。</source>
        <translation>A {record} record cannot be voided.</translation>
    </message>
    <message>
        <source>{record}不能合并。</source>
        <translation>{record} records cannot be merged.</translation>
    </message>
    <message>
        <source>{record}的“{field}”应为{expected}，不是「{value}」。</source>
        <translation>The “{field}” of a {record} record should be {expected}, not “{value}”.</translation>
    </message>
    <message>
        <source>{step}的日期 {on} 早于上一步的日期 {before}。</source>
        <translation>The date of “{step}”, {on}, is before the previous step&apos;s date, {before}.</translation>
    </message>
    <message>
        <source>{title}（已作废）</source>
        <translation>{title} (voided)</translation>
    </message>
    <message>
        <source>{what}“{value}”不认识，应为 {choices} 之一。</source>
        <translation>{what} “{value}” is not known; it should be one of {choices}.</translation>
    </message>
    <message>
        <source>{what}日期 {day} 还没到。</source>
        <translation>The {what} date {day} has not come yet.</translation>
    </message>
    <message>
        <source>{what}的 {column} 内容已损坏（表 {table} 第 {row} 行）</source>
        <translation>The {column} of a {what} is damaged (table {table}, row {row})</translation>
    </message>
    <message>
        <source>{why}，数据包 {file} 没有写成，也没有留下不完整的文件。</source>
        <translation>Bundle {file} was not written, and no incomplete file was left behind: {why}.</translation>
    </message>
    <message>
        <source>“{building}”在几个小区都有：{choices}。请写上小区名。</source>
        <translation>“{building}” exists in several estates: {choices}. Please add the estate&apos;s name.</translation>
    </message>
    <message>
        <source>“{text}”不是隐患编号。</source>
        <translation>“{text}” is not a hazard number.</translation>
    </message>
    <message>
        <source>−{element}</source>
        <translation>−{element}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>一个单元格只能填写一个电话号码：{text}</source>
        <translation>Only one phone number per cell: {text}</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>三色关爱规则</source>
        <translation>three-colour care policy</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>pass up</translation>
    </message>
    <message>
        <source>上报时请写明情况：报给了谁，为什么。</source>
        <translation>When escalating, say to whom and why.</translation>
    </message>
    <message>
        <source>上次燃气检查 {on}，到了再查的时候</source>
        <translation>Last gas check {on}: due again</translation>
    </message>
    <message>
        <source>不支持旧版 .xls 文件：请在 Excel 中另存为 .xlsx 后再导入。</source>
        <translation>Old .xls files are not supported: save the file as .xlsx in Excel, then import it.</translation>
    </message>
    <message>
        <source>不是文本文件，不是网格员工作台的数据包</source>
        <translation>it is not a text file, so not a GridWorker bundle</translation>
    </message>
    <message>
        <source>不是有效的 JSON（含有 {constant}，JSON 没有这种数）</source>
        <translation>it is not valid JSON (it holds {constant}, a number JSON does not have)</translation>
    </message>
    <message>
        <source>不是有效的 JSON（第 {line} 行第 {column} 列出错）</source>
        <translation>it is not valid JSON (error at line {line}, column {column})</translation>
    </message>
    <message>
        <source>不是网格员工作台的数据包（格式名不对）</source>
        <translation>it is not a GridWorker bundle (wrong format name)</translation>
    </message>
    <message>
        <source>不是网格员工作台的数据包（没有清单 manifest）</source>
        <translation>it is not a GridWorker bundle (it has no manifest)</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>不符合数据包格式规范：{where} {problem}</source>
        <translation>it does not follow the bundle format at {where}: {problem}</translation>
    </message>
    <message>
        <source>不符合数据包格式规范：设备 {device} 的版本向量区间没有按顺序排列</source>
        <translation>it does not follow the bundle format: the version vector ranges of device {device} are not in order</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>cannot be empty</translation>
    </message>
    <message>
        <source>不能多于 {length} 个字</source>
        <translation>cannot be longer than {length} characters</translation>
    </message>
    <message>
        <source>不能少于 {length} 个字</source>
        <translation>cannot be shorter than {length} characters</translation>
    </message>
    <message>
        <source>不能通过修改住户来更换微网格。</source>
        <translation>A household cannot be moved to another micro-grid by editing it.</translation>
    </message>
    <message>
        <source>不认识的整改步骤“{action}”。</source>
        <translation>Unknown hazard step “{action}”.</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>与已登记的身份证号不符（身份证号显示为{shown}）</source>
        <translation>does not match the registered ID number (the ID number says {shown})</translation>
    </message>
    <message>
        <source>与本机数据冲突，无法写入（{error}）</source>
        <translation>it conflicts with the data on this computer and cannot be written ({error})</translation>
    </message>
    <message>
        <source>与第 {row} 行同户同名，无法区分是否同一人，请填写身份证号</source>
        <translation>same name in the same household as row {row}: cannot tell whether it is the same person; please fill in the ID number</translation>
    </message>
    <message>
        <source>与第 {row} 行是同一人</source>
        <translation>the same person as row {row}</translation>
    </message>
    <message>
        <source>与第 {row} 行身份证号重复</source>
        <translation>the same ID number as row {row}</translation>
    </message>
    <message>
        <source>两台电脑把这两条记录互相合并了</source>
        <translation>two computers merged these two records each into the other</translation>
    </message>
    <message>
        <source>丧亲</source>
        <translation>Bereavement</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>修改{record} {title}：{changes}</source>
        <translation>Changed {record} {title}: {changes}</translation>
    </message>
    <message>
        <source>修改{record}：{changes}</source>
        <translation>Changed {record}: {changes}</translation>
    </message>
    <message>
        <source>修改记录 {op} 的内容已损坏</source>
        <translation>the content of change {op} is damaged</translation>
    </message>
    <message>
        <source>健康随访</source>
        <translation>Health follow-up</translation>
    </message>
    <message>
        <source>入户</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>全部导出完成。</source>
        <translation>All exported.</translation>
    </message>
    <message>
        <source>关爱探访</source>
        <translation>Care visit</translation>
    </message>
    <message>
        <source>关爱类别“{value}”不认识，应为 {choices} 之一。</source>
        <translation>Care category “{value}” is not known; it should be one of {choices}.</translation>
    </message>
    <message>
        <source>关爱规则中「{where}」不能把到访不遇算作走访。</source>
        <translation>In the care policy, &quot;{where}&quot; cannot count &quot;nobody home&quot; as a visit.</translation>
    </message>
    <message>
        <source>关爱规则中「{where}」应是 {low} 到 {high} 之间的整数。</source>
        <translation>In the care policy, &quot;{where}&quot; must be a whole number from {low} to {high}.</translation>
    </message>
    <message>
        <source>关爱规则中「{where}」应是走访方式的列表。</source>
        <translation>In the care policy, &quot;{where}&quot; must be a list of visit methods.</translation>
    </message>
    <message>
        <source>关爱规则中「{where}」有不认识的走访方式：{methods}。</source>
        <translation>In the care policy, &quot;{where}&quot; has visit methods this app does not know: {methods}.</translation>
    </message>
    <message>
        <source>关爱规则中「{where}」至少要有一种走访方式。</source>
        <translation>In the care policy, &quot;{where}&quot; needs at least one visit method.</translation>
    </message>
    <message>
        <source>关爱规则中红色的走访间隔不能比黄色长，黄色不能比绿色长。</source>
        <translation>In the care policy, red&apos;s visit interval cannot be longer than yellow&apos;s, nor yellow&apos;s longer than green&apos;s.</translation>
    </message>
    <message>
        <source>关爱规则中颜色 {colour} 的写法不对。</source>
        <translation>In the care policy, the entry for colour {colour} is not written correctly.</translation>
    </message>
    <message>
        <source>关爱规则文件不是有效的 JSON：{error}</source>
        <translation>The care policy file is not valid JSON: {error}</translation>
    </message>
    <message>
        <source>关爱规则缺少重大事件（major_event）一节。</source>
        <translation>The care policy has no major-event (major_event) section.</translation>
    </message>
    <message>
        <source>关爱规则要为红、黄、绿三种颜色各写一条。</source>
        <translation>The care policy needs one entry for each of red, yellow and green.</translation>
    </message>
    <message>
        <source>关爱走访到期</source>
        <translation>Care visit due</translation>
    </message>
    <message>
        <source>关爱走访逾期</source>
        <translation>Care visit overdue</translation>
    </message>
    <message>
        <source>关爱颜色“{value}”不认识，应为 red、yellow、green 或 none（红、黄、绿、无）。</source>
        <translation>Care colour “{value}” is not known; it should be red, yellow, green or none.</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其他来源</source>
        <translation>Other source</translation>
    </message>
    <message>
        <source>其他诉求</source>
        <translation>Other need</translation>
    </message>
    <message>
        <source>其他重大事件</source>
        <translation>Other major event</translation>
    </message>
    <message>
        <source>养老服务</source>
        <translation>Elderly care</translation>
    </message>
    <message>
        <source>内容不完整，文件在中途截断了（可能没有复制完）</source>
        <translation>the content is incomplete; the file is cut off (perhaps it was not copied completely)</translation>
    </message>
    <message>
        <source>写入 {path} 时出错（{error}）</source>
        <translation>writing {path} failed ({error})</translation>
    </message>
    <message>
        <source>冲突 {id} 不存在或已经处理过了。</source>
        <translation>Conflict {id} does not exist or has already been resolved.</translation>
    </message>
    <message>
        <source>冲突涉及的记录已不存在。</source>
        <translation>The record of this conflict no longer exists.</translation>
    </message>
    <message>
        <source>出生日期与身份证号不符</source>
        <translation>The birth date does not match the ID number</translation>
    </message>
    <message>
        <source>出生日期填的是 {given}，但身份证号中的出生日期是 {date}</source>
        <translation>The birth date entered is {given}, but the ID number gives {date}</translation>
    </message>
    <message>
        <source>出院</source>
        <translation>Hospital discharge</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>到访不遇</source>
        <translation>Nobody home</translation>
    </message>
    <message>
        <source>到访不遇时没有见到任何人，请不要勾选见到的居民。</source>
        <translation>Nobody was home: please do not tick any resident as met.</translation>
    </message>
    <message>
        <source>办理期限 {deadline} 早于上报日期 {on}。</source>
        <translation>The deadline {deadline} is before the day it was passed up, {on}.</translation>
    </message>
    <message>
        <source>医疗健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>反诈宣传</source>
        <translation>Anti-fraud awareness</translation>
    </message>
    <message>
        <source>反馈结果</source>
        <translation>feed back</translation>
    </message>
    <message>
        <source>取值 {value} 不在允许的范围（{allowed}）内</source>
        <translation>the value {value} is not one of the allowed values ({allowed})</translation>
    </message>
    <message>
        <source>另一个操作一直在写入数据库 {path}（已等了 {seconds} 秒），这次修改没有保存；请等它完成后再试。</source>
        <translation>Another operation kept writing to the database {path} (waited {seconds} seconds); this change was not saved. Please try again when it has finished.</translation>
    </message>
    <message>
        <source>另一个操作正在写入数据库 {path}，这次操作没有完成；请等它完成后再试。</source>
        <translation>Another operation is writing to the database {path}; this one did not finish. Please try again when it has finished.</translation>
    </message>
    <message>
        <source>另一个操作正在写入，请稍候…</source>
        <translation>Another operation is writing; please wait…</translation>
    </message>
    <message>
        <source>只有社区电脑可以修改{kind}。</source>
        <translation>Only the office computer can change the {kind}.</translation>
    </message>
    <message>
        <source>只有社区电脑能一次为所有微网格导出数据包。</source>
        <translation>Only the office computer can export bundles for every micro-grid at once.</translation>
    </message>
    <message>
        <source>只能导入 .xlsx 或 .csv 文件，不能导入“{what}”。</source>
        <translation>Only .xlsx or .csv files can be imported, not “{what}”.</translation>
    </message>
    <message>
        <source>只能导出为 .xlsx 或 .csv 文件，不能是“{what}”。</source>
        <translation>The roster can only be exported as .xlsx or .csv, not “{what}”.</translation>
    </message>
    <message>
        <source>可以用备份恢复：gridworker db restore 列出备份，gridworker db restore latest 用最新的完好备份恢复。</source>
        <translation>You can restore a backup: gridworker db restore lists them, gridworker db restore latest restores the newest good one.</translation>
    </message>
    <message>
        <source>合并后被合并的记录又有修改</source>
        <translation>the merged record was edited after the merge</translation>
    </message>
    <message>
        <source>合并后还有记录指向被合并的记录</source>
        <translation>records still point at the merged record after the merge</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>同一微网格内地址相同</source>
        <translation>same address in one micro-grid</translation>
    </message>
    <message>
        <source>同一户已有户主（第 {row} 行）</source>
        <translation>the household already has a head (row {row})</translation>
    </message>
    <message>
        <source>同一户第 {row} 行写的{column}是“{there}”，这里却是“{here}”</source>
        <translation>row {row} of the same household gives {column} as “{there}”, but this row has “{here}”</translation>
    </message>
    <message>
        <source>同户同名同出生日期</source>
        <translation>same name and birth date in the same household</translation>
    </message>
    <message>
        <source>同户已登记了 {count} 位{name}，无法确定是哪一位，请填写身份证号</source>
        <translation>the household already has {count} people called {name}; cannot tell which one is meant; please fill in the ID number</translation>
    </message>
    <message>
        <source>同户已登记同名同出生日期的{name}，但身份证号不同，请核对</source>
        <translation>the household already has a {name} with the same birth date but a different ID number; please check</translation>
    </message>
    <message>
        <source>同户的户主{name}（第 {row} 行）有问题没有导入，这一行的与户主关系无从对应，也没有导入；改好第 {row} 行后再一起导入</source>
        <translation>The head of this household, {name} (row {row}), has a problem and is not imported, so this row’s relation to the head refers to nobody and is not imported either; correct row {row} and import them together</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <source>回访日期 {follow_up} 应在走访日期 {day} 之后。</source>
        <translation>The return visit date {follow_up} should be after the visit date {day}.</translation>
    </message>
    <message>
        <source>在 {file} 的前 50 行中没有找到表头行（需要一行同时含有「姓名」和「小区」「房号」等列名）。</source>
        <translation>No header row was found in the first 50 rows of {file} (a row must hold column names such as 姓名, 小区 and 房号).</translation>
    </message>
    <message>
        <source>地址“{address}”有 {n} 户，请用户编号或扫描入户表上的二维码。</source>
        <translation>The address “{address}” has {n} households; use the household&apos;s id or scan the QR code on its sheet.</translation>
    </message>
    <message>
        <source>城市哨兵</source>
        <translation>City sentinel</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>境外电话号码格式不对：{text}</source>
        <translation>This foreign phone number is not valid: {text}</translation>
    </message>
    <message>
        <source>备份 {backup} 也已损坏（{problem}），没有用它恢复。</source>
        <translation>The backup {backup} is damaged too ({problem}); it was not restored.</translation>
    </message>
    <message>
        <source>复查合格</source>
        <translation>Rechecked, OK</translation>
    </message>
    <message>
        <source>复查未通过</source>
        <translation>Recheck failed</translation>
    </message>
    <message>
        <source>复核日期 {review} 早于标记日期 {on}。</source>
        <translation>The review date {review} is before the day the flag was set, {on}.</translation>
    </message>
    <message>
        <source>太大，本机内存不足以读取它</source>
        <translation>is too big: this computer does not have enough memory to read it</translation>
    </message>
    <message>
        <source>姓名不能为空。</source>
        <translation>The name cannot be empty.</translation>
    </message>
    <message>
        <source>姓名为空</source>
        <translation>the name is empty</translation>
    </message>
    <message>
        <source>姓名太长（{length} 个字）</source>
        <translation>The name is too long ({length} characters)</translation>
    </message>
    <message>
        <source>字体“{font}”缺少 {chars} 的字形，纸上印成 〓，请手写补上（见：{places}）。</source>
        <translation>The font “{font}” has no glyph for {chars}; they are printed as 〓, please write them in by hand (on: {places}).</translation>
    </message>
    <message>
        <source>字体文件 {file} 不含中文字形。</source>
        <translation>The font file {file} has no Chinese characters.</translation>
    </message>
    <message>
        <source>字体文件 {file} 是 CFF（PostScript）轮廓的 OpenType 字体，无法嵌入 PDF；请选择 TrueType 字体（.ttf 或 .ttc，例如微软雅黑 msyh.ttc、宋体 simsun.ttc）。</source>
        <translation>The font file {file} is an OpenType font with CFF (PostScript) outlines, which cannot be embedded in a PDF; choose a TrueType font (.ttf or .ttc, such as Microsoft YaHei msyh.ttc or SimSun simsun.ttc).</translation>
    </message>
    <message>
        <source>它不是网格员工作台的数据库（也不是 SQLite 数据库文件，或文件头已损坏）</source>
        <translation>it is not a GridWorker database (not an SQLite file, or its header is damaged)</translation>
    </message>
    <message>
        <source>它是别的程序的 SQLite 数据库，不是网格员工作台的数据库</source>
        <translation>it is another program&apos;s SQLite database, not a GridWorker one</translation>
    </message>
    <message>
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>good</translation>
    </message>
    <message>
        <source>完成：可以安全拔出U盘。</source>
        <translation>Done: the USB stick can be safely removed.</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>导入完成。</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <source>导入已取消，没有写入任何数据。</source>
        <translation>The import was cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>小区为空</source>
        <translation>the estate is empty</translation>
    </message>
    <message>
        <source>居民不存在（编号 {id}）。</source>
        <translation>The resident does not exist (id {id}).</translation>
    </message>
    <message>
        <source>居民提出</source>
        <translation>Raised by a resident</translation>
    </message>
    <message>
        <source>属于「{theirs}」，本机属于「{ours}」</source>
        <translation>it belongs to “{theirs}”, but this computer belongs to “{ours}”</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>已写入并读回校验，正在记录…</source>
        <translation>Written and read back; recording…</translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation>Fed back</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>已取消导入 {file}，这个文件的修改都没有写入。</source>
        <translation>Importing {file} was cancelled; none of its changes were written.</translation>
    </message>
    <message>
        <source>已取消，没有写入任何数据。</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>已告知</source>
        <translation>Household told</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Revisited</translation>
    </message>
    <message>
        <source>已损坏</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>已整改</source>
        <translation>Put right</translation>
    </message>
    <message>
        <source>已整改待复查</source>
        <translation>Put right, to recheck</translation>
    </message>
    <message>
        <source>已检查</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <source>已检查的记录须填完每一项，还缺 {n} 项：{items}。</source>
        <translation>An inspection that was done answers every item; {n} are missing: {items}.</translation>
    </message>
    <message>
        <source>已用备份 {backup} 恢复 {path}。原来的文件保留为 {kept}。</source>
        <translation>Restored {path} from the backup {backup}. The file it replaced is kept as {kept}.</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>应不大于 {maximum}，不是 {value}</source>
        <translation>should be at most {maximum}, not {value}</translation>
    </message>
    <message>
        <source>应不小于 {minimum}，不是 {value}</source>
        <translation>should be at least {minimum}, not {value}</translation>
    </message>
    <message>
        <source>应为 {expected}，不是 {value}</source>
        <translation>should be {expected}, not {value}</translation>
    </message>
    <message>
        <source>应为{type}，不是 {value}</source>
        <translation>should be {type}, not {value}</translation>
    </message>
    <message>
        <source>应有 {want} 项，实际 {count} 项</source>
        <translation>should have {want} items, not {count}</translation>
    </message>
    <message>
        <source>座机号码区号 {area} 后应为7或8位，实为{length}位：{digits}</source>
        <translation>A landline number needs 7 or 8 digits after the area code {area}, not {length}: {digits}</translation>
    </message>
    <message>
        <source>座机号码区号后不应以 {first} 开头：{digits}</source>
        <translation>A landline number cannot start with {first} after the area code: {digits}</translation>
    </message>
    <message>
        <source>录错了，撤销。</source>
        <translation>Entered by mistake, undone.</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>To put right</translation>
    </message>
    <message>
        <source>微网格不存在（编号 {id}）。</source>
        <translation>The micro-grid does not exist (id {id}).</translation>
    </message>
    <message>
        <source>微网格名称不能为空。</source>
        <translation>The micro-grid name cannot be empty.</translation>
    </message>
    <message>
        <source>性别与身份证号不符：身份证号显示为{sex}性</source>
        <translation>The sex does not match the ID number, which says {sex}</translation>
    </message>
    <message>
        <source>性别填的是“{given}”，但身份证号显示为{sex}性</source>
        <translation>The sex entered is “{given}”, but the ID number says {sex}</translation>
    </message>
    <message>
        <source>恢复方法：关闭程序后运行 gridworker db check 检查、gridworker db restore 恢复，或在程序的 设置 → 备份 中恢复（损坏的文件会留在旁边，不会删除）。</source>
        <translation>To restore: close the program and run gridworker db check to check and gridworker db restore to restore, or use Settings → Backups in the program (the damaged file is kept beside it, never deleted).</translation>
    </message>
    <message>
        <source>恢复：gridworker db restore 备份文件名（或 latest）。当前的文件会改名留在旁边，不会删除。</source>
        <translation>To restore: gridworker db restore BACKUP-FILE-NAME (or latest). The current file is renamed and kept beside it, never deleted.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>户不存在（编号 {id}）。</source>
        <translation>The household does not exist (id {id}).</translation>
    </message>
    <message>
        <source>户主写的是“{stated}”，但本户与户主关系为本人的是{name}；户主姓名随本人而定，如要更换户主，请改成员的与户主关系</source>
        <translation>The head is written as “{stated}”, but the member whose relation is 本人 (the head) is {name}; the head&apos;s name follows that member: to change the head, change the members&apos; relations to the head</translation>
    </message>
    <message>
        <source>房号为空</source>
        <translation>the room is empty</translation>
    </message>
    <message>
        <source>所在的文件夹 {folder} 不能写入</source>
        <translation>its folder {folder} cannot be written to</translation>
    </message>
    <message>
        <source>所在的磁盘或文件夹不能写入</source>
        <translation>its disk or folder cannot be written to</translation>
    </message>
    <message>
        <source>手机号不能带分机号：{digits}转{ext}</source>
        <translation>A mobile number cannot have an extension: {digits} ext. {ext}</translation>
    </message>
    <message>
        <source>手机号应为11位，实为{length}位：{digits}</source>
        <translation>A mobile number must have 11 digits, not {length}: {digits}</translation>
    </message>
    <message>
        <source>手机号第二位应为3–9，实为{second}：{digits}</source>
        <translation>The second digit of a mobile number must be 3–9, not {second}: {digits}</translation>
    </message>
    <message>
        <source>打不开数据库文件 {path}（文件或文件夹不存在，或没有权限读写它）。</source>
        <translation>Could not open the database file {path} (the file or folder does not exist, or there is no permission to use it).</translation>
    </message>
    <message>
        <source>找不到 {path}（文件或所在的文件夹不存在）</source>
        <translation>{path} was not found (the file or its folder does not exist)</translation>
    </message>
    <message>
        <source>找不到备份 {name}；不带参数运行 gridworker db restore 可以看到所有备份。</source>
        <translation>No backup named {name}; run gridworker db restore without arguments to see them all.</translation>
    </message>
    <message>
        <source>找不到数据包 {path}（U盘可能已拔出或文件名有误）。</source>
        <translation>The bundle {path} cannot be found (the USB stick may have been removed, or the file name is wrong).</translation>
    </message>
    <message>
        <source>找不到数据库文件 {path}。</source>
        <translation>There is no database file {path}.</translation>
    </message>
    <message>
        <source>找不到文件 {path}</source>
        <translation>no file {path}</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>拒不整改</source>
        <translation>Refuses to put right</translation>
    </message>
    <message>
        <source>拒绝入户</source>
        <translation>Entry refused</translation>
    </message>
    <message>
        <source>提出诉求的居民不是这一户的成员。</source>
        <translation>The resident who raised the need is not a member of this household.</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>政策咨询</source>
        <translation>Policy question</translation>
    </message>
    <message>
        <source>政策宣传</source>
        <translation>Policy information</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>数据包 {file} {problem}，没有导入。</source>
        <translation>Bundle {file} was not imported: {problem}.</translation>
    </message>
    <message>
        <source>数据包 {file} 写入后读回校验不一致（U盘可能有问题），已删除，请换一个U盘再试。</source>
        <translation>Bundle {file} did not read back as it was written (the USB stick may be faulty); it was deleted. Please try another USB stick.</translation>
    </message>
    <message>
        <source>数据库 {path} 完好。</source>
        <translation>The database {path} is in good order.</translation>
    </message>
    <message>
        <source>数据库 {path} 所在的磁盘已满，这次修改没有保存；请腾出空间后再试。</source>
        <translation>The disk holding the database {path} is full; this change was not saved. Free some space and try again.</translation>
    </message>
    <message>
        <source>数据库 {path} 是较新版本的网格员工作台写的（数据版本 {version}，本程序只认识到 {latest}）。为免损坏数据，没有打开它；请升级本程序。</source>
        <translation>The database {path} was written by a newer GridWorker (data version {version}; this program knows up to {latest}). It was not opened, so that no data is damaged; please upgrade this program.</translation>
    </message>
    <message>
        <source>数据库 {path} 有问题：</source>
        <translation>The database {path} has problems:</translation>
    </message>
    <message>
        <source>数据库 {path} 需要升级才能使用，但它是只读的（{why}）。请把它复制到可以写入的磁盘上再打开。</source>
        <translation>The database {path} must be upgraded before use, but it is read-only ({why}). Copy it to a disk that can be written to and open it there.</translation>
    </message>
    <message>
        <source>数据库文件</source>
        <translation>the database file</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏或不是网格员工作台的数据库：{error}</source>
        <translation>The database file {path} is damaged or is not a GridWorker database: {error}</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏（{detail}）。最新的完好备份是 {backup}（{taken}）。{how}</source>
        <translation>The database file {path} is damaged ({detail}). The newest good backup is {backup} ({taken}). {how}</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏（{detail}），而且没有找到完好的备份。{how}</source>
        <translation>The database file {path} is damaged ({detail}), and no good backup was found. {how}</translation>
    </message>
    <message>
        <source>数据库文件 {path} 是只读的（{why}），所以不能修改；查找、查看和导出到别处都可以用。</source>
        <translation>The database file {path} is read-only ({why}), so nothing can be changed; searching, viewing and exporting elsewhere still work.</translation>
    </message>
    <message>
        <source>数据库还没有初始化：请先运行 gridworker init（或在首次启动向导中设置）。</source>
        <translation>The database has not been set up yet: run gridworker init first (or set it up in the first-start assistant).</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>文件 {file} 是空的，没有可导入的内容。</source>
        <translation>The file {file} is empty; there is nothing to import.</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在（U盘可能已拔出）</source>
        <translation>the folder {folder} does not exist (the USB stick may have been removed)</translation>
    </message>
    <message>
        <source>文件夹 {folder} 不存在（U盘可能没有插好）。</source>
        <translation>The folder {folder} does not exist (the USB stick may not be plugged in properly).</translation>
    </message>
    <message>
        <source>文件夹 {path} 里没有数据包（*{suffix}）。</source>
        <translation>There are no bundles (*{suffix}) in the folder {path}.</translation>
    </message>
    <message>
        <source>文件无法打开（{error}）</source>
        <translation>the file cannot be opened ({error})</translation>
    </message>
    <message>
        <source>文件无法读取（{error}）</source>
        <translation>the file cannot be read ({error})</translation>
    </message>
    <message>
        <source>文件是空的（0 字节）</source>
        <translation>the file is empty (0 bytes)</translation>
    </message>
    <message>
        <source>文件是空的（0 字节），可能是复制没有完成</source>
        <translation>the file is empty (0 bytes), perhaps a copy that did not finish</translation>
    </message>
    <message>
        <source>文件本身不能写入，或所在的磁盘是只读的</source>
        <translation>the file itself cannot be written to, or its disk is read-only</translation>
    </message>
    <message>
        <source>文件读写失败：{problem}。</source>
        <translation>Could not read or write a file: {problem}.</translation>
    </message>
    <message>
        <source>文件顶层</source>
        <translation>the top level of the file</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>文字列表</source>
        <translation>a list of texts</translation>
    </message>
    <message>
        <source>新增 {created} 人 / 更新 {updated} 人 / 未变 {unchanged} 人 / 跳过有问题的 {skipped} 行（新建 {households_created} 户，更新 {households_updated} 户）</source>
        <translation>{created} people added / {updated} updated / {unchanged} unchanged / {skipped} rows with problems skipped ({households_created} households added, {households_updated} updated)</translation>
    </message>
    <message>
        <source>新增 {new} 人 / 更新 {updated} 人 / 未变 {unchanged} 人 / 有问题 {invalid} 行</source>
        <translation>{new} people new / {updated} updated / {unchanged} unchanged / {invalid} rows with problems</translation>
    </message>
    <message>
        <source>新建{record} {title}：{changes}</source>
        <translation>New {record} {title}: {changes}</translation>
    </message>
    <message>
        <source>新建{record}失败：编号重复（{error}）</source>
        <translation>Could not create the record ({record}): its id is already taken ({error})</translation>
    </message>
    <message>
        <source>新建{record}：{changes}</source>
        <translation>New {record}: {changes}</translation>
    </message>
    <message>
        <source>新的整改期限 {deadline} 应在 {on} 之后。</source>
        <translation>The new deadline {deadline} must be after {on}.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>无法在 {folder} 保存数据：{problem}。请让管理电脑的人给这个文件夹写入权限，或者用环境变量 GRIDWORKER_DB 指定一个可以写入的数据库文件位置。</source>
        <translation>GridWorker cannot keep its data in {folder}: {problem}. Ask whoever looks after this computer to allow writing to that folder, or set the environment variable GRIDWORKER_DB to a database file in a place that can be written.</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>cannot be imported</translation>
    </message>
    <message>
        <source>无法建立数据库文件 {path}：{error}</source>
        <translation>Could not create the database file {path}: {error}</translation>
    </message>
    <message>
        <source>无法打开数据库文件 {path}：{error}</source>
        <translation>The database file {path} cannot be opened: {error}</translation>
    </message>
    <message>
        <source>无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030，第 {byte} 字节出错）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。</source>
        <translation>The text encoding of the file is not recognised (neither UTF-8 nor GBK/GB18030; error at byte {byte}). Save it as “CSV UTF-8” or .xlsx in Excel, then import it.</translation>
    </message>
    <message>
        <source>无法识别的{field}“{shown}”</source>
        <translation>Unknown value for {field}: “{shown}”</translation>
    </message>
    <message>
        <source>无法识别的{field}“{shown}”，可填：{allowed}</source>
        <translation>Unknown value for {field}: “{shown}”; allowed: {allowed}</translation>
    </message>
    <message>
        <source>无法识别的人员类别“{unknown}”，可填：{allowed}</source>
        <translation>Unknown special group “{unknown}”; allowed: {allowed}</translation>
    </message>
    <message>
        <source>无法识别的性别“{sex}”，应填 男 或 女</source>
        <translation>Unknown sex “{sex}”; write 男 (male) or 女 (female)</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件 {file}：{error}</source>
        <translation>The Excel file {file} cannot be read: {error}</translation>
    </message>
    <message>
        <source>无法读取数据包 {path}：{error}。</source>
        <translation>The bundle {path} cannot be read: {error}.</translation>
    </message>
    <message>
        <source>无法读取数据库文件 {path}：{error}</source>
        <translation>Could not read the database file {path}: {error}</translation>
    </message>
    <message>
        <source>日常走访</source>
        <translation>Routine visit</translation>
    </message>
    <message>
        <source>日期 {day} 还没到。</source>
        <translation>The date {day} has not come yet.</translation>
    </message>
    <message>
        <source>日期 {on} 在今天之后。</source>
        <translation>The date {on} is after today.</translation>
    </message>
    <message>
        <source>日期 {on} 早于上一步的日期 {last}。</source>
        <translation>The date {on} is before the last step&apos;s date {last}.</translation>
    </message>
    <message>
        <source>日期 {on} 早于发现隐患的日期 {found}。</source>
        <translation>The date {on} is before the hazard was found ({found}).</translation>
    </message>
    <message>
        <source>日期（年-月-日，如 2026-03-01）</source>
        <translation>a date (year-month-day, such as 2026-03-01)</translation>
    </message>
    <message>
        <source>时钟记录 {hlc} 无效</source>
        <translation>the clock record {hlc} is not valid</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>是发给「{theirs}」的，本机负责「{ours}」</source>
        <translation>it is meant for “{theirs}”, but this computer looks after “{ours}”</translation>
    </message>
    <message>
        <source>是或否</source>
        <translation>yes or no</translation>
    </message>
    <message>
        <source>是本机自己导出的，应交给对方导入</source>
        <translation>this computer exported it itself; it is meant to be imported on the other side</translation>
    </message>
    <message>
        <source>是社区发给网格员的{kind}，应在网格员电脑上导入</source>
        <translation>it is a {kind} from the office to a worker; import it on the worker&apos;s computer</translation>
    </message>
    <message>
        <source>是空文件（可能没有复制完）</source>
        <translation>the file is empty (perhaps it was not copied completely)</translation>
    </message>
    <message>
        <source>是网格员 {user} 发给社区的，应在社区电脑上导入</source>
        <translation>it was sent by the worker {user} to the office; import it on the office computer</translation>
    </message>
    <message>
        <source>月份“{month}”的格式不对，应写成 2025-06。</source>
        <translation>The month “{month}” is not written right; write it as 2025-06.</translation>
    </message>
    <message>
        <source>有 {count} 处内容超过 Excel 每格 {limit} 个字的上限，表格里只有前 {limit} 个字：{where}。完整的内容仍在程序里；用这个表格导入时，截短的内容不会被当作修改。</source>
        <translation>{count} texts are longer than the {limit} characters an Excel cell holds; the sheet has only their first {limit} characters: {where}. The whole text is still in the program; importing this sheet will not take the cut text as an edit.</translation>
    </message>
    <message>
        <source>有 {size}，超过数据包上限 {limit}（不像是网格员工作台的数据包）</source>
        <translation>is {size}, more than the {limit} a bundle may have (it does not look like a GridWorker bundle)</translation>
    </message>
    <message>
        <source>有不认识的项 {name}</source>
        <translation>has an unknown item {name}</translation>
    </message>
    <message>
        <source>有几条隐患的编号以 {id} 开头，请多写几位。</source>
        <translation>Several hazards&apos; numbers start with {id}: give more of it.</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>本机没有第 {version} 版燃气安全检查表。</source>
        <translation>This computer does not have version {version} of the gas-safety checklist.</translation>
    </message>
    <message>
        <source>本机没有编号为 {id} 的微网格。</source>
        <translation>There is no micro-grid with id {id} on this computer.</translation>
    </message>
    <message>
        <source>极端天气</source>
        <translation>Extreme weather</translation>
    </message>
    <message>
        <source>格式不对：{value}</source>
        <translation>wrong format: {value}</translation>
    </message>
    <message>
        <source>检查日期 {on} 在今天之后，请填实际检查的日期。</source>
        <translation>The inspection date {on} is after today: give the day it was done.</translation>
    </message>
    <message>
        <source>检查结果“{outcome}”不对，应为已检查、到访不遇或拒绝入户。</source>
        <translation>The outcome “{outcome}” is wrong: it is inspected, nobody home or entry refused.</translation>
    </message>
    <message>
        <source>检查结果已改，不再是隐患。</source>
        <translation>The answer was changed: no longer a hazard.</translation>
    </message>
    <message>
        <source>检查表 {where} 不是一个对象。</source>
        <translation>The checklist&apos;s {where} is not an object.</translation>
    </message>
    <message>
        <source>检查表 {where} 的“upgrades”须是列表。</source>
        <translation>The checklist&apos;s “upgrades” at {where} must be a list.</translation>
    </message>
    <message>
        <source>检查表 {where} 的“{key}”须是天数（非负整数）。</source>
        <translation>In the checklist&apos;s {where}, “{key}” must be a number of days (a whole number, not negative).</translation>
    </message>
    <message>
        <source>检查表 {where} 的代码“{code}”只能用小写字母、数字和下划线。</source>
        <translation>The code “{code}” at {where} of the checklist may hold only lower-case letters, digits and _.</translation>
    </message>
    <message>
        <source>检查表 {where} 的等级“{grade}”不是重大、一般或提示。</source>
        <translation>In the checklist&apos;s {where}, the grade “{grade}” is not 重大, 一般 or 提示.</translation>
    </message>
    <message>
        <source>检查表 {where} 缺少“{key}”文字。</source>
        <translation>The checklist&apos;s {where} lacks the text “{key}”.</translation>
    </message>
    <message>
        <source>检查表中检查项代码 {code} 出现了两次。</source>
        <translation>The item code {code} appears twice in the checklist.</translation>
    </message>
    <message>
        <source>检查表文件 {file} 不是有效的 JSON（第 {line} 行）。</source>
        <translation>The checklist file {file} is not valid JSON (line {line}).</translation>
    </message>
    <message>
        <source>检查表没有任何检查项。</source>
        <translation>The checklist has no items.</translation>
    </message>
    <message>
        <source>检查表的检查周期（月）须是正整数。</source>
        <translation>The checklist&apos;s inspection interval (months) must be a positive whole number.</translation>
    </message>
    <message>
        <source>检查表的版本号须是正整数。</source>
        <translation>The checklist&apos;s version must be a positive whole number.</translation>
    </message>
    <message>
        <source>检查表须给出重大、一般、提示三个等级各一次。</source>
        <translation>The checklist must give each of the grades 重大, 一般 and 提示 once.</translation>
    </message>
    <message>
        <source>检查项 {code} 的等级“{grade}”不是重大、一般或提示。</source>
        <translation>The grade “{grade}” of item {code} is not major, ordinary or advice.</translation>
    </message>
    <message>
        <source>检查项 {code} 的结果“{answer}”不对，应为合格、隐患或不适用。</source>
        <translation>The answer “{answer}” to item {code} is wrong: it is OK, hazard or not applicable.</translation>
    </message>
    <message>
        <source>正在写入 {file}…</source>
        <translation>Writing {file}…</translation>
    </message>
    <message>
        <source>正在导入 {file}（{done}/{of} 条）…</source>
        <translation>Importing {file} ({done}/{of})…</translation>
    </message>
    <message>
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <source>正在整理要发送的修改…</source>
        <translation>Gathering the changes to send…</translation>
    </message>
    <message>
        <source>正在检查 {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>没有名为「{name}」的微网格；已有的微网格：{known}。</source>
        <translation>There is no micro-grid called “{name}”; the micro-grids are: {known}.</translation>
    </message>
    <message>
        <source>没有打开 {path}：{what}。这个文件没有被改动。</source>
        <translation>{path} was not opened: {what}. The file was not changed.</translation>
    </message>
    <message>
        <source>没有找到住户“{household}”（可写地址，如 锦华苑3栋2单元301，或扫描二维码）。</source>
        <translation>No household “{household}” was found (write its address, such as 锦华苑3栋2单元301, or scan its QR code).</translation>
    </message>
    <message>
        <source>没有找到住户“{household}”（请写户编号、任一成员的身份证号或地址）。</source>
        <translation>No household “{household}” was found (give the household id, any member&apos;s ID number or the address).</translation>
    </message>
    <message>
        <source>没有找到可嵌入的中文 TrueType 字体，改用内置的 STSong-Light（不嵌入 PDF，换一台电脑打开或打印时字形可能不同）；可在“设置”里指定字体文件，或安装微软雅黑、宋体或文泉驿微米黑。</source>
        <translation>No Chinese TrueType font that can be embedded was found, so the built-in STSong-Light is used (not embedded in the PDF: on another computer it may look or print differently); choose a font file in Settings, or install Microsoft YaHei, SimSun or WenQuanYi Micro Hei.</translation>
    </message>
    <message>
        <source>没有找到完好的备份（在 {folder}）。</source>
        <translation>No good backup was found (in {folder}).</translation>
    </message>
    <message>
        <source>没有找到居民“{resident}”（请写居民编号或身份证号）。</source>
        <translation>No resident “{resident}” was found (give the resident id or ID number).</translation>
    </message>
    <message>
        <source>没有找到楼栋“{building}”（写成 小区+楼栋，如 锦华苑3栋）。</source>
        <translation>No building “{building}” was found (write the estate and the building, such as 锦华苑3栋).</translation>
    </message>
    <message>
        <source>没有权限写入 {folder}</source>
        <translation>there is no permission to write to {folder}</translation>
    </message>
    <message>
        <source>没有权限读写 {path}</source>
        <translation>no permission to read or write {path}</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的{record}。</source>
        <translation>There is no {record} with the id {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的住户。</source>
        <translation>There is no household numbered {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的燃气检查记录。</source>
        <translation>There is no gas inspection numbered {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的燃气隐患。</source>
        <translation>There is no gas hazard numbered {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的燃气隐患（或已作废）。</source>
        <translation>There is no gas hazard numbered {id} (or it was voided).</translation>
    </message>
    <message>
        <source>没有身份证号为 {number} 的居民。</source>
        <translation>No resident has the ID number {number}.</translation>
    </message>
    <message>
        <source>没有这一户（编号 {id}）。</source>
        <translation>There is no such household (id {id}).</translation>
    </message>
    <message>
        <source>没有这位居民（编号 {id}）。</source>
        <translation>There is no such resident (id {id}).</translation>
    </message>
    <message>
        <source>没有这条整改记录（或已撤销）。</source>
        <translation>This hazard step is not here (or was undone).</translation>
    </message>
    <message>
        <source>没有这条诉求（编号 {id}）。</source>
        <translation>There is no such need (id {id}).</translation>
    </message>
    <message>
        <source>注意：工作表 {sheets} 中也有内容，没有导入。每次只导入一个工作表；要导入其中的某一个，请在 Excel 中切换到它、保存，再导入一次。</source>
        <translation>Note: the worksheets {sheets} also hold data, which was not imported. One worksheet is imported at a time; to import one of the others, switch to it in Excel, save, and import again.</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>燃气安全检查</source>
        <translation>Gas safety check</translation>
    </message>
    <message>
        <source>燃气安全检查到期</source>
        <translation>Gas check due</translation>
    </message>
    <message>
        <source>燃气安全检查表</source>
        <translation>gas-safety checklist</translation>
    </message>
    <message>
        <source>燃气检查再次上门（上次到访不遇）</source>
        <translation>Gas check: try again (nobody home last time)</translation>
    </message>
    <message>
        <source>燃气检查记录不能改到另一户。</source>
        <translation>A gas inspection cannot be moved to another household.</translation>
    </message>
    <message>
        <source>燃气隐患「{item}」（{grade}）今天到整改期限，上门复查</source>
        <translation>Gas hazard “{item}” ({grade}): deadline today, recheck it</translation>
    </message>
    <message>
        <source>燃气隐患「{item}」（{grade}）住户已整改，待复查</source>
        <translation>Gas hazard “{item}” ({grade}): put right, to recheck</translation>
    </message>
    <message>
        <source>燃气隐患「{item}」（{grade}，{status}）整改期限 {deadline}，已逾期 {days} 天</source>
        <translation>Gas hazard “{item}” ({grade}, {status}): deadline {deadline}, {days} day(s) late</translation>
    </message>
    <message>
        <source>燃气隐患待复查</source>
        <translation>Gas hazard to recheck</translation>
    </message>
    <message>
        <source>燃气隐患逾期未整改</source>
        <translation>Gas hazard late</translation>
    </message>
    <message>
        <source>物业维修</source>
        <translation>Property repairs</translation>
    </message>
    <message>
        <source>环境卫生</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <source>现场解决</source>
        <translation>Solved on the spot</translation>
    </message>
    <message>
        <source>生活困难</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>由较新版本的程序生成（格式版本 {version}，本程序只认识到 {known}），请先升级本程序</source>
        <translation>it was made by a newer version of the program (format version {version}; this program knows up to {known}); please upgrade this program first</translation>
    </message>
    <message>
        <source>电脑内存不足，这次操作没有完成；请关闭其他程序后再试。</source>
        <translation>The computer ran out of memory and this did not finish; close other programs and try again.</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电话号码位数不对（实为{length}位）：{digits}；手机号应为11位，座机应带区号或为7–8位</source>
        <translation>The phone number has the wrong number of digits ({length}): {digits}; a mobile number has 11 digits, a landline has an area code or 7–8 digits</translation>
    </message>
    <message>
        <source>电话号码含有无效字符“{bad}”：{text}</source>
        <translation>The phone number contains invalid characters “{bad}”: {text}</translation>
    </message>
    <message>
        <source>电话号码含有无效字符：{text}</source>
        <translation>The phone number contains invalid characters: {text}</translation>
    </message>
    <message>
        <source>的 JSON 嵌套层数太多，不是网格员工作台的数据包</source>
        <translation>nests its JSON too deeply; it is not a GridWorker bundle</translation>
    </message>
    <message>
        <source>的 {where} 含有控制字符 {char}（文件可能已损坏）</source>
        <translation>has the control character {char} in {where} (the file may be damaged)</translation>
    </message>
    <message>
        <source>的 {where} 含有残缺的 Unicode 字符 {char}（文件可能已损坏）</source>
        <translation>has the broken Unicode character {char} in {where} (the file may be damaged)</translation>
    </message>
    <message>
        <source>的{op}不属于本微网格</source>
        <translation>{op} does not belong to this micro-grid</translation>
    </message>
    <message>
        <source>的{op}引用的{record}（编号 {id}）既不在本机，也不在数据包里</source>
        <translation>{op} refers to a {record} (id {id}) that is neither on this computer nor in the bundle</translation>
    </message>
    <message>
        <source>的{op}的“{field}”不是有效的{expected}：{value}</source>
        <translation>the “{field}” of {op} is not {expected}: {value}</translation>
    </message>
    <message>
        <source>的{op}的时间戳在 {year} 年，晚于允许的 {limit} 年（文件已损坏，或那台电脑的时钟严重错误）</source>
        <translation>has {op} dated in the year {year}, later than the {limit} allowed (the file is damaged, or that computer&apos;s clock is badly wrong)</translation>
    </message>
    <message>
        <source>的压缩内容不完整或已损坏（可能没有复制完）</source>
        <translation>its compressed content is incomplete or damaged (perhaps it was not copied completely)</translation>
    </message>
    <message>
        <source>的发送方角色（{role}）与数据包类型（{kind}）不一致</source>
        <translation>its sender role ({role}) does not match the kind of bundle ({kind})</translation>
    </message>
    <message>
        <source>的操作条数不符：清单写 {listed} 条，实际有 {found} 条（文件可能被改动过）</source>
        <translation>its number of operations does not match: the manifest says {listed}, the file has {found} (the file may have been changed)</translation>
    </message>
    <message>
        <source>的校验和不符，内容已损坏或被改动过</source>
        <translation>its checksum does not match; the content is damaged or was changed</translation>
    </message>
    <message>
        <source>的格式版本 {version!r} 无法识别</source>
        <translation>its format version {version!r} is not recognised</translation>
    </message>
    <message>
        <source>的清单校验和不符，清单已损坏或被改动过</source>
        <translation>has a manifest checksum that does not match: the manifest is damaged or was changed</translation>
    </message>
    <message>
        <source>的版本向量说对方已有本机第 {seq} 号操作，而本机只发出到第 {last} 号（文件已损坏，或本机恢复过旧备份；请联系技术支持）</source>
        <translation>has a version vector saying the sender holds operation {seq} of this computer, which has only made operations up to {last} (the file is damaged, or this computer was restored from an old backup; please contact support)</translation>
    </message>
    <message>
        <source>的第 {number} 条操作是本程序不认识的记录类型 {entity}（可能来自较新版本的程序），请先升级本程序</source>
        <translation>its operation {number} is of a kind of record this program does not know, {entity} (perhaps from a newer version of the program); please upgrade this program first</translation>
    </message>
    <message>
        <source>的第 {number} 条操作（{record}）有本程序不认识的字段 {field}（可能来自较新版本的程序），请先升级本程序</source>
        <translation>its operation {number} ({record}) has a field this program does not know, {field} (perhaps from a newer version of the program); please upgrade this program first</translation>
    </message>
    <message>
        <source>矛盾纠纷调解</source>
        <translation>Dispute mediation</translation>
    </message>
    <message>
        <source>社区回传</source>
        <translation>bundle from the office</translation>
    </message>
    <message>
        <source>社区导出数据包时要指定微网格（--micro-grid 名称，或 --all-micro-grids 文件夹）。</source>
        <translation>The office must name the micro-grid when exporting a bundle (--micro-grid NAME, or --all-micro-grids FOLDER).</translation>
    </message>
    <message>
        <source>社区登记住户时必须指明所属微网格。</source>
        <translation>The office must name the micro-grid when it registers a household.</translation>
    </message>
    <message>
        <source>社区设定</source>
        <translation>set by the office</translation>
    </message>
    <message>
        <source>程序出错了（{kind}：{error}）。这是程序本身的毛病，不是你的操作造成的；这次操作没有完成。请把这句话告诉维护人员。</source>
        <translation>The program failed ({kind}: {error}). This is a fault in the program, not something you did; the operation did not finish. Please tell whoever maintains it this sentence.</translation>
    </message>
    <message>
        <source>程序自带</source>
        <translation>shipped with the program</translation>
    </message>
    <message>
        <source>第 {number} 条操作（{who}）</source>
        <translation>operation {number} ({who})</translation>
    </message>
    <message>
        <source>第 {row} 行，列「{column}」：{reason}</source>
        <translation>Row {row}, column “{column}”: {reason}</translation>
    </message>
    <message>
        <source>第 {version} 版检查表没有检查项 {codes}。</source>
        <translation>Version {version} of the checklist has no items {codes}.</translation>
    </message>
    <message>
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>红色关爱到期</source>
        <translation>Red care due</translation>
    </message>
    <message>
        <source>红色关爱逾期</source>
        <translation>Red care overdue</translation>
    </message>
    <message>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>缺少必填项 {name}</source>
        <translation>the required item {name} is missing</translation>
    </message>
    <message>
        <source>网格员上报</source>
        <translation>worker&apos;s report</translation>
    </message>
    <message>
        <source>网格员发现</source>
        <translation>Found by the worker</translation>
    </message>
    <message>
        <source>网格员只能登记本微网格的住户。</source>
        <translation>A grid worker can only register households of their own micro-grid.</translation>
    </message>
    <message>
        <source>网格员安装需要填写所负责的微网格名称。</source>
        <translation>A grid worker installation needs the name of the micro-grid it looks after.</translation>
    </message>
    <message>
        <source>网格员工作台正在使用这个数据库（{holder}）；请先关闭程序，再恢复备份。</source>
        <translation>GridWorker has this database open ({holder}); close the program first, then restore the backup.</translation>
    </message>
    <message>
        <source>网格员电脑只能导出本微网格的数据包，不要指定其他微网格。</source>
        <translation>A grid worker computer can only export the bundle of its own micro-grid; do not name another micro-grid.</translation>
    </message>
    <message>
        <source>联系电话为空</source>
        <translation>The phone number is empty</translation>
    </message>
    <message>
        <source>至少 {lo}</source>
        <translation>at least {lo}</translation>
    </message>
    <message>
        <source>花名册中已有疑似同一人：{names}。</source>
        <translation>The roster already has what may be the same person: {names}.</translation>
    </message>
    <message>
        <source>花名册里这一户已登记户主{name}，一户只能有一位户主；如要更换户主，请先在程序里把{name}的与户主关系改成别的（或在表中加上{name}这一行写明新的关系），再导入</source>
        <translation>The roster already has {name} as the head of this household, and a household has one head; to change the head, first change {name}’s relation to the head in the program (or add a row for {name} with the new relation to the file), then import again</translation>
    </message>
    <message>
        <source>血压 {systolic}/{diastolic} 不合常理：高压应在 50–280、低压在 20–180 之间，且高压大于低压。</source>
        <translation>Blood pressure {systolic}/{diastolic} cannot be right: systolic should be 50–280, diastolic 20–180, and systolic above diastolic.</translation>
    </message>
    <message>
        <source>血压“{value}”应写成 135/85 这样的高压/低压。</source>
        <translation>Blood pressure “{value}” should be written systolic/diastolic, like 135/85.</translation>
    </message>
    <message>
        <source>表 {table} 无法读取（{error}）</source>
        <translation>the table {table} cannot be read ({error})</translation>
    </message>
    <message>
        <source>表头第 {row} 行中「{first}」和「{second}」都表示{column}，请删去其中一列后再导入。</source>
        <translation>In header row {row}, “{first}” and “{second}” both mean {column}; delete one of the two columns, then import again.</translation>
    </message>
    <message>
        <source>表格中有 {rows} 行有问题，没有写入任何数据。请改正后重新导入，或选择只导入没有问题的行。</source>
        <translation>{rows} rows of the sheet have problems, so nothing was written. Correct them and import again, or choose to import only the rows without problems.</translation>
    </message>
    <message>
        <source>表格缺少必需的列：{missing}{extra}。在第 {row} 行找到的列是：{found}。</source>
        <translation>The sheet lacks required columns: {missing}{extra}. The columns found in row {row} are: {found}.</translation>
    </message>
    <message>
        <source>被合并的居民的关爱标记还没有并入保留的记录</source>
        <translation>The merged resident&apos;s care flag is not yet folded into the record kept</translation>
    </message>
    <message>
        <source>要保留的{record}已经合并到另一条记录（编号 {id}）了，请保留那一条。</source>
        <translation>The {record} to keep has already been merged into another record (id {id}); keep that one instead.</translation>
    </message>
    <message>
        <source>要保留的和要合并的是同一条记录。</source>
        <translation>The record to keep and the record to merge are the same record.</translation>
    </message>
    <message>
        <source>要修改的{record}不存在（编号 {id}）。</source>
        <translation>The record to change ({record}, id {id}) does not exist.</translation>
    </message>
    <message>
        <source>要导入的表格本身</source>
        <translation>the sheet being imported</translation>
    </message>
    <message>
        <source>见到的居民里有不是这一户成员的人（编号 {id}）。</source>
        <translation>Someone ticked as met is not a member of this household (id {id}).</translation>
    </message>
    <message>
        <source>视频</source>
        <translation>Video call</translation>
    </message>
    <message>
        <source>解压后超过数据包上限 {limit}（不像是网格员工作台的数据包）</source>
        <translation>unpacks to more than the {limit} a bundle may have (it does not look like a GridWorker bundle)</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>a record id</translation>
    </message>
    <message>
        <source>诉求“{text}”已于 {day} 反馈，请回访居民是否满意</source>
        <translation>Need “{text}” was fed back on {day}: ask the resident whether they are satisfied</translation>
    </message>
    <message>
        <source>诉求“{text}”：{owner}办理，期限 {deadline}，逾期 {days} 天</source>
        <translation>Need “{text}”: with {owner}, deadline {deadline}, {days} days overdue</translation>
    </message>
    <message>
        <source>诉求来源</source>
        <translation>Source of the need</translation>
    </message>
    <message>
        <source>诉求的登记日期 {day} 还没到。</source>
        <translation>The need&apos;s date {day} has not come yet.</translation>
    </message>
    <message>
        <source>诉求类别</source>
        <translation>Category of the need</translation>
    </message>
    <message>
        <source>诉求逾期</source>
        <translation>Need overdue</translation>
    </message>
    <message>
        <source>请写明作废的原因。</source>
        <translation>Please say why the record is voided.</translation>
    </message>
    <message>
        <source>请写明办理结果。</source>
        <translation>Please write the result.</translation>
    </message>
    <message>
        <source>请写明承办人或承办部门。</source>
        <translation>Please write who the need is passed up to.</translation>
    </message>
    <message>
        <source>请写明现场是怎样解决的。</source>
        <translation>Please write how it was solved on the spot.</translation>
    </message>
    <message>
        <source>请写明设定关爱颜色的原因。</source>
        <translation>Please write why this care colour is set.</translation>
    </message>
    <message>
        <source>请写明诉求内容。</source>
        <translation>Please write what the need is.</translation>
    </message>
    <message>
        <source>请填写{status}日期。</source>
        <translation>Please fill in the date ({status}).</translation>
    </message>
    <message>
        <source>请填写使用人姓名。</source>
        <translation>Please fill in the name of the person using this computer.</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Please fill in the name</translation>
    </message>
    <message>
        <source>请填写小区（院落）名称</source>
        <translation>Please fill in the estate (compound) name</translation>
    </message>
    <message>
        <source>请填写房号</source>
        <translation>Please fill in the room</translation>
    </message>
    <message>
        <source>请填写所属微网格</source>
        <translation>please fill in the micro-grid</translation>
    </message>
    <message>
        <source>请填写社区名称。</source>
        <translation>Please fill in the community name.</translation>
    </message>
    <message>
        <source>请至少选一项走访事由。</source>
        <translation>Please choose at least one purpose of the visit.</translation>
    </message>
    <message>
        <source>读不了字体文件 {file}。</source>
        <translation>The font file {file} cannot be read.</translation>
    </message>
    <message>
        <source>读写 {path} 时出错（{error}）</source>
        <translation>could not read or write {path} ({error})</translation>
    </message>
    <message>
        <source>读写数据库 {path} 时磁盘出错（{code}）：U盘或硬盘可能有问题或已被拔出，这次修改没有保存。</source>
        <translation>A disk error occurred while using the database {path} ({code}): the USB drive or disk may be faulty or removed; this change was not saved.</translation>
    </message>
    <message>
        <source>读取的是工作表「{sheet}」（文件中共有 {count} 个工作表）。</source>
        <translation>Read the worksheet “{sheet}” (the file has {count} worksheets).</translation>
    </message>
    <message>
        <source>走访事由“{value}”不认识，应为 {choices} 之一。</source>
        <translation>Visit purpose “{value}” is not known; it should be one of {choices}.</translation>
    </message>
    <message>
        <source>走访方式“{value}”不认识，应为 {choices} 之一。</source>
        <translation>Visit method “{value}” is not known; it should be one of {choices}.</translation>
    </message>
    <message>
        <source>走访日期 {day} 还没到，不能登记未来的走访。</source>
        <translation>The visit date {day} has not come yet: a visit cannot be recorded in advance.</translation>
    </message>
    <message>
        <source>走访时间“{value}”应写成 09:30 这样的时:分。</source>
        <translation>Visit time “{value}” should be written hours:minutes, like 09:30.</translation>
    </message>
    <message>
        <source>身份证号 {number} 登记在 {n} 户，请用户编号。</source>
        <translation>The ID number {number} is in {n} households: use the household number.</translation>
    </message>
    <message>
        <source>身份证号中的 X 只能出现在最后一位：{number}</source>
        <translation>An X can only be the last character of an ID number: {number}</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {date} 不是有效日期</source>
        <translation>The birth date {date} in the ID number is not a valid date</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {date} 早于1890年，请核对</source>
        <translation>The birth date {date} in the ID number is before 1890; please check it</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {date} 晚于今天</source>
        <translation>The birth date {date} in the ID number is later than today</translation>
    </message>
    <message>
        <source>身份证号为空</source>
        <translation>The ID number is empty</translation>
    </message>
    <message>
        <source>身份证号含有无效字符“{shown}”：{number}</source>
        <translation>The ID number contains invalid characters “{shown}”: {number}</translation>
    </message>
    <message>
        <source>身份证号应为18位，实为{length}位</source>
        <translation>An ID number must have 18 characters, not {length}</translation>
    </message>
    <message>
        <source>身份证号校验位错误：应为 {expected}，实为 {found}</source>
        <translation>The ID number&apos;s check digit is wrong: it should be {expected}, not {found}</translation>
    </message>
    <message>
        <source>身份证号疑似被 Excel 转成了数字（{number}，末三位为000且校验位不符），后几位已丢失，请把该列设为文本后重新填写</source>
        <translation>The ID number looks like Excel turned it into a number ({number}: it ends in 000 and its check digit is wrong); the last digits are lost. Format the column as text and enter the numbers again</translation>
    </message>
    <message>
        <source>身份证号相同</source>
        <translation>same ID number</translation>
    </message>
    <message>
        <source>身份证号被 Excel 转成了数字（{shown}），后几位已丢失，请把该列设为文本后重新填写</source>
        <translation>Excel turned the ID number into a number ({shown}); the last digits are lost. Format the column as text and enter the numbers again</translation>
    </message>
    <message>
        <source>还没有做过燃气入户安全检查</source>
        <translation>Never had a gas safety check</translation>
    </message>
    <message>
        <source>这一户的户主是{name}，一户只能有一位户主；如要更换户主，请先把{name}的与户主关系改成别的</source>
        <translation>{name} is the head of this household, and a household has one head; to change the head, first change {name}&apos;s relation to the head to another one</translation>
    </message>
    <message>
        <source>这一行属于微网格「{theirs}」，本机只管理「{ours}」，不能导入</source>
        <translation>this row belongs to the micro-grid “{theirs}”; this computer only looks after “{ours}”, so it cannot be imported</translation>
    </message>
    <message>
        <source>这不是燃气安全检查表文件（缺少 format: {fmt}）。</source>
        <translation>This is not a gas-safety checklist file (format: {fmt} is missing).</translation>
    </message>
    <message>
        <source>这不是网格员工作台的关爱规则文件。</source>
        <translation>This is not a GridWorker care policy file.</translation>
    </message>
    <message>
        <source>这个地址已经登记了另一户。</source>
        <translation>Another household is already registered at this address.</translation>
    </message>
    <message>
        <source>这个地址已经登记过一户了，请直接在该户下添加居民。</source>
        <translation>A household is already registered at this address; add the resident to that household instead.</translation>
    </message>
    <message>
        <source>这个数据库已经初始化过了，不能再次初始化。</source>
        <translation>This database has already been set up; it cannot be set up again.</translation>
    </message>
    <message>
        <source>这个数据库文件是从别的电脑（或别的用户账户）复制来的，已改用新的设备编号 {new}（原来是 {old}），两台电脑的修改都不会丢失。</source>
        <translation>This database file was copied from another computer (or user account); it now writes as the new device {new} (it was {old}), so neither computer&apos;s edits are lost.</translation>
    </message>
    <message>
        <source>这个数据库文件是从别的电脑（或别的用户账户）复制来的，已改用新的设备编号，两台电脑的修改都不会丢失。</source>
        <translation>This database file was copied from another computer (or another user account): it now writes under a new device number, and the edits of both computers are kept.</translation>
    </message>
    <message>
        <source>这个数据库文件是另一个数据库文件的副本，已改用新的设备编号 {new}（原来是 {old}），两个文件的修改都不会丢失。</source>
        <translation>This database file is a copy of another database file; it now writes as the new device {new} (it was {old}), so neither file&apos;s edits are lost.</translation>
    </message>
    <message>
        <source>这个数据库文件是另一个数据库文件的副本，已改用新的设备编号，两个文件的修改都不会丢失。</source>
        <translation>This database file is a copy of another one: it now writes under a new device number, and the edits in both files are kept.</translation>
    </message>
    <message>
        <source>这个数据库文件比本机上次用它时旧（从备份恢复或复制回来的），已改用新的设备编号 {new}（原来是 {old}）；恢复前已交给社区的修改会随社区的下一个数据包回到本机。</source>
        <translation>This database file is older than when this computer last used it (a backup put back, or copied back); it now writes as the new device {new} (it was {old}). The edits the office received before the restore come back with the office&apos;s next bundle.</translation>
    </message>
    <message>
        <source>这个数据库文件比本机上次用它时旧（从备份恢复或复制回来的），已改用新的设备编号；恢复前已交给社区的修改会随社区的下一个数据包回到本机。</source>
        <translation>This database file is older than when this computer last used it (put back from a backup or copied back): it now writes under a new device number; the edits already handed to the community office before come back with the office&apos;s next bundle.</translation>
    </message>
    <message>
        <source>这个文件不是网格员工作台的数据库：{path}</source>
        <translation>This file is not a GridWorker database: {path}</translation>
    </message>
    <message>
        <source>这台电脑的日期设置得太远（2262 年以后），请先把系统日期和时间改正，再使用本程序。</source>
        <translation>This computer&apos;s date is set too far ahead (after 2262); correct the system date and time before using the program.</translation>
    </message>
    <message>
        <source>这是15位旧身份证号（{number}），且{problem}，请核对原件</source>
        <translation>This is an old 15-digit ID number ({number}), and: {problem}. Please check the card</translation>
    </message>
    <message>
        <source>这是15位旧身份证号（{number}），请改填18位号码，按规则转换应为 {upgraded}（请与身份证原件核对）</source>
        <translation>This is an old 15-digit ID number ({number}); please enter the 18-digit number, which by the rules should be {upgraded} (check it against the card)</translation>
    </message>
    <message>
        <source>这条诉求已作废。</source>
        <translation>This need is void.</translation>
    </message>
    <message>
        <source>这条诉求现在是“{status}”，不能{step}（{step}要在{allowed}时做）。</source>
        <translation>This need is now “{status}”: it cannot {step} (that is done when it is {allowed}).</translation>
    </message>
    <message>
        <source>这条隐患现在是“{status}”，不能再记“{action}”。</source>
        <translation>This hazard is now “{status}”: “{action}” cannot follow.</translation>
    </message>
    <message>
        <source>逾期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>邻里纠纷</source>
        <translation>Neighbour dispute</translation>
    </message>
    <message>
        <source>配置包</source>
        <translation>set-up bundle</translation>
    </message>
    <message>
        <source>配置包只能在社区电脑上生成。</source>
        <translation>Set-up bundles can only be made on the office computer.</translation>
    </message>
    <message>
        <source>里有两条不同的操作用了同一个编号（设备 {device} 第 {seq} 号）</source>
        <translation>two different operations in it have the same number (device {device}, number {seq})</translation>
    </message>
    <message>
        <source>里有操作引用了不存在的记录（所在户或微网格缺失）</source>
        <translation>an operation in it refers to a record that does not exist (its household or micro-grid is missing)</translation>
    </message>
    <message>
        <source>里设备 {device} 的第 {seq} 号操作与本机已有的另一条操作编号相同（那台电脑可能恢复过旧备份）；为免丢失修改没有导入，请联系技术支持</source>
        <translation>operation number {seq} of device {device} in it has the same number as a different operation already on this computer (that computer may have restored an old backup); it was not imported so that no change is lost. Please contact technical support</translation>
    </message>
    <message>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>重大事件后探访</source>
        <translation>Visit after a major event</translation>
    </message>
    <message>
        <source>重大事件类别“{value}”不认识，应为 {choices} 之一。</source>
        <translation>Major event “{value}” is not known; it should be one of {choices}.</translation>
    </message>
    <message>
        <source>问题行文件 {path} 没有写成：{why}。</source>
        <translation>The problem-rows file {path} could not be written: {why}.</translation>
    </message>
    <message>
        <source>问题行文件不能是{what}（{path}），没有导入任何数据。请用 --errors 另选一个文件名。</source>
        <translation>The problem-rows file cannot be {what} ({path}); nothing was imported. Choose another file name with --errors.</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>页面损坏：{detail}</source>
        <translation>damaged page: {detail}</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>（数据库）</source>
        <translation>(the database)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（未指定承办人）</source>
        <translation>(no owner given)</translation>
    </message>
    <message>
        <source>（社区导入时每行都要写明所属微网格）</source>
        <translation> (an office import needs the micro-grid on every row)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>（还没有）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
</TS>

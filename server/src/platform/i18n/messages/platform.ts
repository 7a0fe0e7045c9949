import type { Messages } from './types';

// Platform codes: errors, validation keys and the words the server itself writes.
export const platformMessages: Messages = {
  'common.not_found': {
    'zh-CN': '记录不存在或无权访问',
    'zh-TW': '記錄不存在或無權存取',
    en: 'Not found, or you have no access to it',
  },
  'common.forbidden': {
    'zh-CN': '您没有执行此操作的权限',
    'zh-TW': '您沒有執行此操作的權限',
    en: 'You are not allowed to do this',
  },
  'common.validation_failed': {
    'zh-CN': '提交的内容有误，请检查标红的字段',
    'zh-TW': '提交的內容有誤，請檢查標紅的欄位',
    en: 'Some fields are not valid; please check them',
  },
  'common.bad_transition': {
    'zh-CN': '当前状态（{from}）下不能执行“{action}”',
    'zh-TW': '目前狀態（{from}）下不能執行「{action}」',
    en: 'Cannot {action} while the record is {from}',
  },
  'common.conflict': {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    'zh-TW': '記錄已被他人修改，請重新整理後重試',
    en: 'The record was changed by someone else; reload and try again',
  },
  'common.internal': {
    'zh-CN': '服务器内部错误，请稍后重试（请求编号 {requestId}）',
    'zh-TW': '伺服器內部錯誤，請稍後重試（請求編號 {requestId}）',
    en: 'Internal error; please try again later (request {requestId})',
  },
  'common.unavailable': {
    'zh-CN': '服务暂时不可用（数据库连接中断），请 {seconds} 秒后重试',
    'zh-TW': '服務暫時無法使用（資料庫連線中斷），請 {seconds} 秒後重試',
    en: 'Temporarily unavailable (the database cannot be reached); try again in {seconds} s',
  },
  'common.route_not_found': { 'zh-CN': '接口不存在', 'zh-TW': '介面不存在', en: 'No such endpoint' },
  'common.rate_limited': {
    'zh-CN': '请求过于频繁，请稍后再试',
    'zh-TW': '請求過於頻繁，請稍後再試',
    en: 'Too many requests; please wait and try again',
  },
  'common.body_too_large': { 'zh-CN': '提交的内容过大', 'zh-TW': '提交的內容過大', en: 'The request is too large' },
  'common.bad_json': { 'zh-CN': '请求格式错误', 'zh-TW': '請求格式錯誤', en: 'Malformed request body' },
  'auth.required': { 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please sign in' },
  'auth.bad_credentials': { 'zh-CN': '用户名或密码错误', 'zh-TW': '使用者名稱或密碼錯誤', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    'zh-TW': '登入失敗次數過多，帳號已鎖定，請 {minutes} 分鐘後再試',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  'auth.disabled': {
    'zh-CN': '账号已停用，请联系管理员',
    'zh-TW': '帳號已停用，請聯絡管理員',
    en: 'This account is disabled; contact an administrator',
  },
  'auth.csrf': {
    'zh-CN': '页面已过期，请刷新后重试',
    'zh-TW': '頁面已過期，請重新整理後重試',
    en: 'The page has expired; reload and try again',
  },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', 'zh-TW': '目前密碼不正確', en: 'The current password is wrong' },
  'users.username_taken': {
    'zh-CN': '用户名“{username}”已被使用',
    'zh-TW': '使用者名稱「{username}」已被使用',
    en: 'The username "{username}" is taken',
  },
  'users.cannot_disable_self': {
    'zh-CN': '不能停用自己的账号',
    'zh-TW': '不能停用自己的帳號',
    en: 'You cannot disable your own account',
  },
  'regions.unknown': {
    'zh-CN': '行政区划代码 {code} 不存在',
    'zh-TW': '行政區劃代碼 {code} 不存在',
    en: 'Unknown region code {code}',
  },
  'validation.required': { 'zh-CN': '必填', 'zh-TW': '必填', en: 'Required' },
  'validation.date': {
    'zh-CN': '日期格式应为 YYYY-MM-DD',
    'zh-TW': '日期格式應為 YYYY-MM-DD',
    en: 'Use the date format YYYY-MM-DD',
  },
  'validation.uscc': {
    'zh-CN': '统一社会信用代码无效（校验位不符）',
    'zh-TW': '統一社會信用代碼無效（校驗位不符）',
    en: 'Invalid unified social credit code (check character mismatch)',
  },
  'validation.id_card': { 'zh-CN': '身份证号码无效', 'zh-TW': '身分證號碼無效', en: 'Invalid ID card number' },
  'validation.mobile': { 'zh-CN': '手机号码无效', 'zh-TW': '手機號碼無效', en: 'Invalid mobile number' },
  'validation.username': {
    'zh-CN': '用户名为 3–32 位字母、数字或 _ . -',
    'zh-TW': '使用者名稱為 3–32 位字母、數字或 _ . -',
    en: 'Usernames are 3–32 letters, digits or _ . -',
  },
  'validation.password_policy': {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字',
    'zh-TW': '密碼至少 8 位，且須同時包含字母和數字',
    en: 'Passwords need at least 8 characters with letters and digits',
  },
  'validation.grant_required': { 'zh-CN': '至少授予一个角色', 'zh-TW': '至少授予一個角色', en: 'Grant at least one role' },
  'validation.grant_region': { 'zh-CN': '该角色须指定管辖区域', 'zh-TW': '該角色須指定管轄區域', en: 'This role needs a region' },
  'validation.grant_department': {
    'zh-CN': '部门人员须指定部门',
    'zh-TW': '部門人員須指定部門',
    en: 'A department officer needs a department',
  },
  'validation.grant_entity': {
    'zh-CN': '企业用户须绑定市场主体',
    'zh-TW': '企業使用者須綁定市場主體',
    en: 'An enterprise user needs an entity',
  },
  'validation.grant_venue': {
    'zh-CN': '场所工作人员须绑定场所',
    'zh-TW': '場所工作人員須綁定場所',
    en: 'Venue staff need a venue',
  },
};

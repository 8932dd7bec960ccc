/**
 * What generated cases say: titles and details by category code (`{p}` is the place), results by
 * top-level code. Categories not listed here get a title made from their name.
 */
export const TITLES: Record<string, string[]> = {
  elevator_fault: ['{p}电梯停运', '{p}电梯困人', '{p}电梯频繁故障无人维修'],
  compound_env: ['{p}楼道堆放杂物', '{p}小区内垃圾长期无人清理', '{p}楼道灯不亮'],
  property_service: ['{p}物业服务不到位', '{p}物业人员态度差', '{p}单元门禁损坏'],
  property_fee: ['{p}物业费收费不合理', '{p}物业公司强制收取停车费'],
  parking: ['{p}小区车辆乱停乱放', '{p}消防通道被私家车占用'],
  leak_repair: ['{p}楼顶漏水', '{p}外墙渗水', '{p}公共水管漏水'],
  old_renovation: ['{p}老旧小区改造施工扰民', '{p}改造工程进度缓慢', '{p}加装电梯咨询'],
  illegal_construction: ['{p}一楼住户私搭乱建', '{p}楼顶违章搭建'],
  product_quality: ['购买的电器存在质量问题', '新买的家具出现开裂'],
  food_safety: ['{p}附近餐馆卫生条件差', '超市销售过期食品'],
  price_fraud: ['{p}附近商户价格欺诈', '菜市场缺斤短两'],
  prepaid_refund: ['健身房关门预付卡无法退费', '理发店办卡后无法退款'],
  wage_arrears: ['工地拖欠农民工工资', '{p}附近餐馆拖欠员工工资'],
  social_insurance: ['单位未缴纳社保', '社保断缴如何补缴'],
  labour_contract: ['公司不签劳动合同', '被公司无故辞退'],
  fire_hazard: ['{p}楼道堆放易燃物', '{p}消防栓无水', '{p}消防通道堵塞'],
  gas_hazard: ['{p}楼道有燃气味', '{p}燃气管道锈蚀'],
  elevator_hazard: ['{p}电梯年检过期', '{p}电梯运行异响'],
  building_hazard: ['{p}墙体出现裂缝', '{p}阳台外墙瓷砖脱落'],
  ebike_charging: ['{p}电动车飞线充电', '{p}楼道内给电动车充电'],
  sewer: ['{p}污水井堵塞冒水', '{p}污水外溢', '{p}下水道返臭'],
  road_damage: ['{p}门前道路破损', '{p}人行道地砖松动'],
  street_light: ['{p}路灯不亮', '{p}路灯白天长亮'],
  manhole_cover: ['{p}井盖缺失', '{p}井盖破损存在安全隐患'],
  bus_service: ['建议增设公交站点', '公交车班次间隔过长'],
  garbage: ['{p}垃圾清运不及时', '{p}垃圾桶满溢'],
  littering: ['{p}建筑垃圾乱堆乱放', '{p}占道堆放杂物'],
  public_toilet: ['{p}附近公厕脏乱', '{p}附近公厕关闭'],
  greenery: ['{p}树木遮挡采光', '{p}绿化带枯死无人补种', '{p}树枝断裂存在隐患'],
  cooking_fumes: ['{p}底商餐馆油烟扰民', '{p}烧烤摊油烟扰民'],
  heating_low: ['{p}暖气不热', '{p}室温不达标', '{p}暖气时冷时热'],
  heating_leak: ['{p}暖气管道漏水', '{p}暖气阀门漏水'],
  heating_fee: ['{p}供暖费收费标准咨询', '{p}未供暖却收取供暖费'],
  water_outage: ['{p}突然停水', '{p}停水未提前通知', '{p}水压过低'],
  water_quality: ['{p}自来水发黄', '{p}自来水有异味'],
  power_outage: ['{p}突然停电', '{p}频繁跳闸停电'],
  noise: ['{p}夜间施工噪音扰民', '{p}广场舞音响扰民', '{p}楼上住户噪音扰民'],
  pets: ['{p}养狗不拴绳', '{p}楼道内宠物粪便无人清理'],
  leak_dispute: ['{p}楼上漏水协商不成', '{p}楼上卫生间漏水'],
  space_dispute: ['{p}邻居占用公共楼道', '{p}车位被长期占用'],
  love_supermarket: ['申请爱心超市积分兑换', '咨询爱心超市救助条件'],
  subsistence: ['咨询低保申请条件', '低保申请进度查询'],
  elderly_care: ['独居老人需要上门照料', '咨询居家养老服务'],
  disability_aid: ['残疾人补贴申请', '申请残疾人辅具'],
  medical_insurance: ['医保异地报销咨询', '城乡居民医保缴费咨询'],
  pension: ['养老保险转移咨询', '退休手续办理咨询'],
  household: ['户口迁移办理咨询', '新生儿落户咨询'],
  enterprise_policy: ['惠企政策申报咨询', '企业用工补贴咨询', '园区道路破损影响企业运输'],
  vaccination: ['疫苗接种时间咨询', '老年人流感疫苗接种咨询'],
};

export const DETAILS: Record<string, string[]> = {
  elevator_fault: ['电梯已停运两天，楼内老人上下楼十分困难，物业迟迟未修复。', '电梯运行中突然停住，有人被困，请求尽快处理。'],
  compound_env: ['杂物堆放多日，影响通行和消防安全。'],
  property_service: ['多次向物业反映无人处理，居民意见很大。'],
  parking: ['车辆乱停占用消防通道，救护车无法通行。'],
  leak_repair: ['雨后屋内墙面大面积渗水，家具受损。'],
  fire_hazard: ['楼道内堆放纸箱等易燃物，存在火灾隐患。'],
  gas_hazard: ['楼道内燃气味较重，担心发生危险。'],
  sewer: ['污水外溢到路面，气味难闻，居民出行不便。'],
  street_light: ['路灯已坏一周，夜间出行不安全。'],
  garbage: ['垃圾堆积多日未清运，气味很大。'],
  heating_low: ['室内温度只有十四五度，家中有老人孩子，请求尽快解决。'],
  water_outage: ['从早上开始停水，未接到任何通知。'],
  power_outage: ['整栋楼停电，冰箱食物变质，请尽快抢修。'],
  noise: ['每天晚上十点以后仍有噪音，严重影响休息。'],
  love_supermarket: ['家庭困难，希望了解爱心超市的申请条件和兑换办法。'],
};

const GENERIC_DETAILS = ['问题已持续一段时间，希望相关部门尽快处理。', '多次反映未得到解决，请求协调处理。', '影响居民正常生活，请求尽快解决。'];

export const RESULTS: Record<string, string[]> = {
  housing: ['已督促物业安排维修人员上门处理，问题已解决。', '已协调物业公司整改，现场已清理完毕。', '经现场核实，已安排施工单位维修，群众表示认可。'],
  consumer: ['已联系商家协商，商家同意退换货。', '已立案调查，对商户依法处理，并告知诉求人。'],
  labour: ['已约谈用人单位，拖欠工资已足额发放。', '已向诉求人解释相关政策，并指导其通过劳动仲裁维权。'],
  safety: ['已安排人员现场排查，隐患已消除。', '已责令相关单位立即整改，复查合格。'],
  municipal: ['已安排维修班组现场处理，设施已恢复正常。', '已列入维修计划，现已修复。'],
  sanitation: ['已安排环卫人员清理完毕。', '已对责任商户下达整改通知，现场已整改。'],
  heating: ['已派维修人员上门排气调试，室温已达标。', '已更换漏水阀门，供暖恢复正常。'],
  utilities: ['已抢修完毕，供水供电已恢复。', '系管网检修临时停水，已恢复供水并做好解释。'],
  neighbour: ['社区网格员已上门调解，双方达成一致。', '已协调派出所民警上门劝导，噪音问题已解决。'],
  assistance: ['已为诉求人办理申请手续，并告知后续流程。', '已上门走访核实情况，纳入帮扶名单。'],
  policy: ['已向诉求人详细解释相关政策，诉求人表示理解。', '已告知办理所需材料和办理地点。'],
};
const GENERIC_RESULTS = ['已联系诉求人并妥善处理，诉求人表示满意。', '经核实已处理完毕。'];

export const DIRECT_RESULTS = ['已当场解答，群众表示满意。', '已电话告知相关政策和办理流程。', '网格员现场协调处理完毕。', '已指导群众在线办理，问题已解决。'];

export const CHANNEL_PREFIX: Record<string, string> = {
  hotline: '市民来电反映：',
  online: '网民留言：',
  community: '居民反映：',
  linkage: '联动转办：',
  enterprise: '企业反映：',
};

export const RETURN_REASONS: { code: string; text: string }[] = [
  { code: 'wrong_area', text: '属地不符，该地点不在本单位管辖范围内' },
  { code: 'unclear_ownership', text: '权属不清，需先明确设施产权单位' },
  { code: 'overlapping_duties', text: '职能交叉，建议由主管部门牵头处理' },
  { code: 'not_our_duty', text: '非本单位职责' },
  { code: 'other', text: '诉求信息不全，无法联系诉求人' },
];

export const REJECT_REASONS = ['无实质诉求内容', '重复来电，已告知办理进度', '非诉求类来电（咨询号码等）', '内容含辱骂信息'];
export const EXTENSION_REASONS = ['需协调多个部门联合处理', '维修材料需采购，工期较长', '需等待天气条件允许后施工', '涉及产权问题需进一步核实'];
export const CONTACT_NOTES = ['已电话联系诉求人，了解具体情况', '已与诉求人约定上门时间', '已电话联系，诉求人表示知晓'];
export const SUPERVISE_NOTES = { yellow: '已超期，请加快办理', red: '严重超期，限当日办结并说明原因' } as const;

export const pickResult = (topCode: string | undefined) => RESULTS[topCode ?? ''] ?? GENERIC_RESULTS;
export const pickDetails = (code: string) => DETAILS[code] ?? GENERIC_DETAILS;

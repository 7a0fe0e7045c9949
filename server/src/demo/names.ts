import { rng } from './random';

// Place names are generated from common place-name characters; none is a real village's name.
const FIRST =
  '东西南北中上下前后大小新老高低长平安和兴福寿康宁丰盛泰华明清青绿红白金银石山水河湖溪泉林松柏桃李杏梅兰竹菊花云龙凤鹤马牛羊鹿龟';
const SECOND = '家庄营屯店集堡寨坊桥湾港坪岗坡沟峪岭洼塘园源口头坨台场铺';

export function makeNamer(seed: number) {
  const r = rng(seed);
  const used = new Set<string>();
  return (suffix: string, len = 2): string => {
    for (let tries = 0; tries < 200; tries++) {
      let stem = '';
      for (let i = 0; i < len - 1; i++) stem += r.pick([...FIRST]);
      stem += r.pick([...(tries % 2 ? FIRST : SECOND)]);
      const name = stem + suffix;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    const name = `第${used.size + 1}${suffix}`;
    used.add(name);
    return name;
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志新春海波宁斌凯晨宇浩然文博思远嘉怡欣悦';

/** Generated personal names (surname + one or two given characters), deterministic for a seed. */
export function makePersonNamer(seed: number) {
  const r = rng(seed);
  return (): string => r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.7 ? r.pick([...GIVEN]) : '');
}

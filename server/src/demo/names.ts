import { rng } from './random';

// Place names are generated from common place-name characters; none is a real village's name.
const FIRST = '东西南北中上下前后大小新老高低长平安和兴福寿康宁丰盛泰华明清青绿红白金银石山水河湖溪泉林松柏桃李杏梅兰竹菊花云龙凤鹤马牛羊鹿龟';
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
